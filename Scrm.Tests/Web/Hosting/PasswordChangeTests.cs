using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// The forced password change after an admin's reset, and changing one's own password from My account, over HTTP.
/// Each test uses its own demo user (they change it) and client address.
/// </summary>
public sealed class PasswordChangeTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private const string Password = "Anjia@2026";
    private const string NewPassword = "Quiet-River-2026";
    private const string Site = "https://scrm.example.com";

    [Theory]
    [InlineData("")]
    [InlineData("tickets")]
    [InlineData("account")]
    [InlineData("admin/outbox")]
    [InlineData("admin/maintenance")]
    public async Task AUserWhoMustChangeTheirPassword_IsSentToThePasswordPage_FromEveryPage(string path)
    {
        using var client = await SignInForcedAsync("supervisor", "198.51.100.80");

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AUserWhoMustChangeTheirPassword_GetsThePasswordPage_StaticFiles_ButNoCircuitOrOtherEndpoint()
    {
        using var client = await SignInForcedAsync("supervisor2", "198.51.100.81");

        var page = await client.GetAsync("account/password", Ct);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync(Ct));
        var css = await client.GetAsync("app.css", Ct);
        var hub = await client.PostAsync("_blazor/negotiate?negotiateVersion=1", null, Ct);
        var culture = await client.PostAsync("account/culture", Form(await TokenAsync(client), ("culture", "en"), ("returnUrl", "/")), Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("管理员已为你重置密码，请设置新密码", HostedApp.TextOf(html, "password-forced"));
        Assert.Contains("data-testid=\"password-form\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, hub.StatusCode);
        Assert.Equal("/account/password", hub.Headers.Location?.OriginalString);
        Assert.Equal("/account/password", culture.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AWeakNewPassword_IsRefusedWithThePolicyMessage_AndNothingChanges()
    {
        using var client = await SignInForcedAsync("agent3", "198.51.100.82");

        var response = await PostChangeAsync(client, Password, "1234567890", "1234567890", "password");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString.TrimStart('/'), Ct));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/password?error=Common", response.Headers.Location.OriginalString);
        Assert.Equal("这个密码太常见，很容易被猜到，请换一个。", HostedApp.TextOf(page, "password-error-Common"));
        Assert.True(await MustChangePasswordAsync("agent3"));
        Assert.True(await PasswordIsAsync("agent3", Password));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("", Ct)).StatusCode);
    }

    [Fact]
    public async Task AGoodNewPassword_ClearsTheFlag_AndLetsTheUserIn_WithAFreshCookie()
    {
        using var client = await SignInForcedAsync("sales", "198.51.100.83");

        var response = await PostChangeAsync(client, Password, NewPassword, NewPassword, "password");
        var home = await client.GetAsync("", Ct);
        var tickets = await client.GetAsync("account", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account?changed=1", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.OK, tickets.StatusCode);
        Assert.False(await MustChangePasswordAsync("sales"));
        Assert.True(await PasswordIsAsync("sales", NewPassword));
    }

    [Fact]
    public async Task ChangingFromMyAccount_KeepsThisSession_AndEndsTheUsersOtherSessions()
    {
        using var browser = app.Client(clientAddress: "198.51.100.84");
        using var phone = app.Client(clientAddress: "198.51.100.85");
        await HostedApp.SignInAsync(browser, "tech1", Password);
        await HostedApp.SignInAsync(phone, "tech1", Password);

        var response = await PostChangeAsync(browser, Password, NewPassword, NewPassword, "account");
        var onBrowser = await browser.GetAsync("account", Ct);
        var onPhone = await phone.GetAsync("account", Ct);

        Assert.Equal("/account?changed=1", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, onBrowser.StatusCode);
        Assert.Equal(HttpStatusCode.Found, onPhone.StatusCode);
        Assert.StartsWith(Site + "/account/login", onPhone.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongCurrentPassword_AndAMismatch_AreBothReported_AndNothingChanges()
    {
        using var client = app.Client(clientAddress: "198.51.100.86");
        await HostedApp.SignInAsync(client, "tech2", Password);

        var response = await PostChangeAsync(client, "not-my-password", NewPassword, "Quiet-River-2027", "account");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString.TrimStart('/'), Ct));

        Assert.Equal("/account?error=CurrentWrong&error=Mismatch", response.Headers.Location.OriginalString);
        Assert.Equal("当前密码不正确。", HostedApp.TextOf(page, "password-error-CurrentWrong"));
        Assert.Equal("两次输入的新密码不一致。", HostedApp.TextOf(page, "password-error-Mismatch"));
        Assert.True(await PasswordIsAsync("tech2", Password));
    }

    [Fact]
    public async Task APostWithoutAntiforgeryToken_IsRefused_AndNothingChanges()
    {
        using var client = app.Client(clientAddress: "198.51.100.87");
        await HostedApp.SignInAsync(client, "tech3", Password);

        var response = await client.PostAsync("account/change-password",
            new FormUrlEncodedContent(Fields(Password, NewPassword, NewPassword, "account").Select(f => KeyValuePair.Create(f.Item1, f.Item2))), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(await PasswordIsAsync("tech3", Password));
    }

    [Fact]
    public async Task MyAccount_ShowsWhoTheUserIs()
    {
        using var client = app.Client(clientAddress: "198.51.100.88");
        await HostedApp.SignInAsync(client, "supervisor3", Password);

        var html = WebUtility.HtmlDecode(await client.GetStringAsync("account", Ct));

        Assert.Equal("supervisor3", HostedApp.TextOf(html, "account-user-name"));
        Assert.Equal("主管", HostedApp.TextOf(html, "account-role"));
        Assert.Equal("上海市 · 上海", HostedApp.TextOf(html, "account-regions"));
        Assert.Contains("data-testid=\"password-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFlagSetAfterSignIn_EndsTheSession_AndTheNextSignInCarriesIt()
    {
        using var client = app.Client(clientAddress: "198.51.100.89");
        await HostedApp.SignInAsync(client, "finance", Password);
        var before = await client.GetAsync("", Ct);

        await SetMustChangePasswordAsync("finance");
        var after = await client.GetAsync("", Ct);
        await HostedApp.SignInAsync(client, "finance", Password);
        var again = await client.GetAsync("", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.StartsWith(Site + "/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal("/account/password", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheirCookieStaysValidForThePasswordPage_ButACircuitIsNotKept()
    {
        await SetMustChangePasswordAsync("director");
        ClaimsPrincipal principal;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ScrmUser>>();
            principal = await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync("director"))!);
        }

        using var circuit = new ExposedRevalidation(app.Services.GetRequiredService<SessionValidator>());

        Assert.True(PasswordChangeGate.MustChangePassword(principal));
        Assert.True(await app.Services.GetRequiredService<SessionValidator>().IsCurrentAsync(principal, Ct));
        Assert.False(await circuit.ValidateAsync(principal));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignInForcedAsync(string userName, string address)
    {
        await SetMustChangePasswordAsync(userName);
        var client = app.Client(clientAddress: address);
        var response = await HostedApp.SignInAsync(client, userName, Password);
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient client, string current, string next, string confirm, string from)
    {
        var token = await TokenAsync(client);
        return await client.PostAsync("account/change-password", Form(token, Fields(current, next, confirm, from)), Ct);
    }

    private static Task<string> TokenAsync(HttpClient client) => HostedApp.AntiforgeryTokenAsync(client, "account/password");

    private static (string, string)[] Fields(string current, string next, string confirm, string from) =>
        [("currentPassword", current), ("newPassword", next), ("confirmPassword", confirm), ("from", from)];

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).Append(KeyValuePair.Create("__RequestVerificationToken", token)));

    /// <summary>As an admin's reset would leave the profile (the users pages do it through the domain).</summary>
    private async Task SetMustChangePasswordAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.UserProfiles.Where(p => p.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(p => p.MustChangePassword, true), Ct));
    }

    private async Task<bool> MustChangePasswordAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.MustChangePassword).SingleAsync(Ct);
    }

    private async Task<bool> PasswordIsAsync(string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }

    /// <summary>Reaches the circuit provider's protected check.</summary>
    private sealed class ExposedRevalidation(SessionValidator sessions)
        : SessionRevalidatingAuthenticationStateProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, sessions)
    {
        public Task<bool> ValidateAsync(ClaimsPrincipal principal) =>
            ValidateAuthenticationStateAsync(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(principal), Ct);
    }
}
