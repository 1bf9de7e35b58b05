using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// The sign-in page and the account endpoints over HTTP, as an attacker would try them. Each test signs in from its
/// own client address and as its own user: sign-in throttling counts per address and per account across the class.
/// </summary>
public sealed partial class SignInTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private const string Password = "Anjia@2026";
    private const string Refusal = "用户名或密码错误。多次失败后，请等几分钟再试。";

    [Fact]
    public async Task AFailedSignIn_DoesNotEchoThePassword()
    {
        using var client = app.Client(clientAddress: "198.51.100.1");

        var response = await HostedApp.SignInAsync(client, "agent2", "Wrong#Secret-2026");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Refusal, HostedApp.TextOf(html, "login-error"));
        Assert.DoesNotContain("Wrong#Secret-2026", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=", PasswordInput().Match(html).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AThrottledAddress_ReadsExactlyLikeAnUnknownUser_EvenWithTheRightPassword()
    {
        using var attacker = app.Client(clientAddress: "198.51.100.2");
        for (var i = 0; i < 10; i++)
        {
            await HostedApp.SignInAsync(attacker, "nobody-" + i, "guess-" + i);
        }

        var throttled = await HostedApp.SignInAsync(attacker, "supervisor2", Password);
        using var stranger = app.Client(clientAddress: "198.51.100.5");
        var unknown = await HostedApp.SignInAsync(stranger, "no-such-user", "whatever-1");

        Assert.Equal(HttpStatusCode.OK, throttled.StatusCode);
        Assert.Equal(Refusal, HostedApp.TextOf(await throttled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "login-error"));
        Assert.Equal(Refusal, HostedApp.TextOf(await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "login-error"));
    }

    [Fact]
    public async Task AThrottledAddress_DoesNotKeepTheAccountsOwnerOut()
    {
        using var attacker = app.Client(clientAddress: "198.51.100.6");
        for (var i = 0; i < 10; i++)
        {
            await HostedApp.SignInAsync(attacker, "ghost-" + i, "guess-" + i);
        }

        var fromAttacker = await HostedApp.SignInAsync(attacker, "admin", Password);
        using var realAdmin = app.Client(clientAddress: "198.51.100.7");
        var fromAdmin = await HostedApp.SignInAsync(realAdmin, "admin", Password);

        Assert.Equal(HttpStatusCode.OK, fromAttacker.StatusCode);
        Assert.Equal(HttpStatusCode.Found, fromAdmin.StatusCode);
    }

    [Theory]
    [InlineData("/工单")]
    [InlineData("/%E5%B7%A5%E5%8D%95")]
    public async Task ANonAsciiReturnUrl_SignsIn_AndLandsOnTheEscapedPath(string returnUrl)
    {
        using var client = app.Client(clientAddress: "198.51.100.8");

        var response = await HostedApp.SignInAsync(client, "tech2", Password, returnUrl);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://scrm.example.com/%E5%B7%A5%E5%8D%95", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_IsRefused_AndTheSessionStays()
    {
        using var client = app.Client(clientAddress: "198.51.100.9");
        await HostedApp.SignInAsync(client, "agent3", Password);

        var logout = await client.PostAsync("account/logout", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        var home = await client.GetAsync("", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, logout.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task Logout_WithItsToken_SignsOut()
    {
        using var client = app.Client(clientAddress: "198.51.100.10");
        await HostedApp.SignInAsync(client, "tech3", Password);

        var logout = await client.PostAsync("account/logout", Form(await HostedApp.AntiforgeryTokenAsync(client)), TestContext.Current.CancellationToken);
        var home = await client.GetAsync("", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.StartsWith("https://scrm.example.com/account/login", home.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("garbage")]
    [InlineData("")]
    public async Task Culture_WithABadReturnUrl_RedirectsHome(string returnUrl)
    {
        using var client = app.Client(clientAddress: "198.51.100.11");
        await HostedApp.SignInAsync(client, "finance", Password);

        var response = await client.PostAsync("account/culture", Form(await HostedApp.AntiforgeryTokenAsync(client), ("culture", "zh-CN"), ("returnUrl", returnUrl)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = app.Client(clientAddress: "198.51.100.15");
        await HostedApp.SignInAsync(client, "supervisor3", Password);

        var response = await client.PostAsync("account/culture",
            new FormUrlEncodedContent([KeyValuePair.Create("culture", "en"), KeyValuePair.Create("returnUrl", "/")]), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Culture_IsRefusedForAnonymousCallers()
    {
        using var client = app.Client(clientAddress: "198.51.100.12");

        var response = await client.PostAsync("account/culture", Form(await HostedApp.AntiforgeryTokenAsync(client), ("culture", "en"), ("returnUrl", "/")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://scrm.example.com/account/login", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Culture_ByGet_ChangesNothing()
    {
        using var client = app.Client(clientAddress: "198.51.100.13");
        await HostedApp.SignInAsync(client, "supervisor", Password);

        var response = await client.GetAsync("account/culture?culture=en&returnUrl=/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheLoginPagesLanguageLink_SetsOnlyTheCookie_AndReturnsToTheLoginPage()
    {
        using var client = app.Client(clientAddress: "198.51.100.14");

        var response = await client.GetAsync("account/login?culture=en&ReturnUrl=%2Ftickets", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://scrm.example.com/account/login?ReturnUrl=%2Ftickets", response.Headers.Location?.ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den;", StringComparison.Ordinal));
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    [GeneratedRegex("<input[^>]*id=\"password\"[^>]*>")]
    private static partial Regex PasswordInput();
}
