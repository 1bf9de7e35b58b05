using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>Outside Development: secure cookies, HTTPS only, strict response headers.</summary>
public sealed class TransportSecurityTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Theory]
    [InlineData("account/login", HttpStatusCode.OK)]
    [InlineData("no/such/page", HttpStatusCode.NotFound)]
    [InlineData(HostedApp.ThrowPath, HttpStatusCode.InternalServerError)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var client = app.Client();

        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            Header(response, "Content-Security-Policy"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps()
    {
        using var client = app.Client("http://scrm.example.com/");

        var response = await client.GetAsync("account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://scrm.example.com/account/login", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheSignInCookie_IsSecureAndHttpOnly()
    {
        using var client = app.Client(clientAddress: "198.51.100.40");

        var response = await HostedApp.SignInAsync(client, "sales", "Anjia@2026");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values) : "(missing)";
}

/// <summary>TLS ends at a reverse proxy on this machine: its forwarded scheme counts, so no redirect loop.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task BehindAProxy_AForwardedHttpsRequest_IsServed_WithHsts()
    {
        await using var app = new HostedApp("Production", ("Hosting:BehindProxy", "true"), ("https_port", "443"), ("Database:SeedDemoCompany", "false"));
        using var client = app.Client("http://scrm.example.com/", clientAddress: "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");

        var response = await client.GetAsync("account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task NotBehindAProxy_ForwardedHeadersAreIgnored()
    {
        await using var app = new HostedApp("Production", ("https_port", "443"), ("Database:SeedDemoCompany", "false"));
        using var client = app.Client("http://scrm.example.com/", clientAddress: "127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
    }
}

/// <summary>Kestrel itself, not the in-memory test server: it would announce itself in a Server header.</summary>
public sealed class ServerHeaderTests
{
    [Fact]
    public async Task Kestrel_SendsNoServerHeader()
    {
        await using var app = new HostedApp("Development", ("Database:SeedDemoCompany", "false"));
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var response = await client.GetAsync("account/login", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"));
    }
}
