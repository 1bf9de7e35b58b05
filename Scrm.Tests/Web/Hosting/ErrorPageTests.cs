using System.Net;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>Failures and unknown addresses end on a friendly page in the user's language, with an id that is in the log.</summary>
public sealed class ErrorPageTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Theory]
    [InlineData("en", "Something went wrong")]
    [InlineData("zh-CN", "出错了")]
    public async Task AnException_ShowsTheErrorPage_InTheCookiesLanguage_WithAnIdThatIsLogged(string culture, string title)
    {
        using var client = app.Client();
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c={culture}|uic={culture}");

        var response = await client.GetAsync(HostedApp.ThrowPath, TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"<h1 class=\"scrm-login-title\">{title}</h1>", html, StringComparison.Ordinal);
        var id = HostedApp.TextOf(html, "correlation-id");
        Assert.NotEmpty(id);
        Assert.Contains(app.Logs.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal)
            && line.Contains(id, StringComparison.Ordinal) && line.Contains(HostedApp.ThrowMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownAddress_Is404_WithTheNotFoundPage_AndAnIdThatIsLogged()
    {
        using var client = app.Client();

        var response = await client.GetAsync("no/such/page", TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1 class=\"scrm-login-title\">页面不存在</h1>", html, StringComparison.Ordinal);
        var id = HostedApp.TextOf(html, "correlation-id");
        Assert.NotEmpty(id);
        Assert.Contains(app.Logs.Lines, line => line.Contains(id, StringComparison.Ordinal) && line.Contains("/no/such/page", StringComparison.Ordinal));
    }
}

/// <summary>In Development the exception page, which shows cookies, is for a developer on this machine only.</summary>
public sealed class DevelopmentErrorPageTests(DevelopmentErrorPageTests.DevelopmentApp app) : IClassFixture<DevelopmentErrorPageTests.DevelopmentApp>
{
    private const string SecretCookie = "session-secret=TopSecret-4711";

    [Fact]
    public async Task ARemoteClient_GetsTheFriendlyPage_NeverItsCookies()
    {
        using var client = app.Client("http://scrm.example.com/", clientAddress: "203.0.113.7");
        client.DefaultRequestHeaders.Add("Cookie", SecretCookie);

        var response = await client.GetAsync(HostedApp.ThrowPath, TestContext.Current.CancellationToken);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("TopSecret-4711", html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostedApp.ThrowMessage, html, StringComparison.Ordinal);
        Assert.NotEmpty(HostedApp.TextOf(html, "correlation-id"));
    }

    [Fact]
    public async Task ALoopbackClient_GetsTheDeveloperPage()
    {
        using var client = app.Client("http://localhost/", clientAddress: "127.0.0.1");

        var response = await client.GetAsync(HostedApp.ThrowPath, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains(HostedApp.ThrowMessage, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public sealed class DevelopmentApp() : HostedApp("Development", ("Database:SeedDemoCompany", "false"));
}
