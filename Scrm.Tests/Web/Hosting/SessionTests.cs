using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Users;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// Sessions follow the database: a logout, a deactivation or a role change ends the login cookie on its next request
/// and open circuits at their next revalidation. Each test uses its own demo user (they change it) and client address.
/// </summary>
public sealed class SessionTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private const string Password = "Anjia@2026";
    private const string AuthCookie = ".AspNetCore.Identity.Application=";
    private const string LoginUrl = "https://scrm.example.com/account/login";

    [Fact]
    public async Task ACookieCopiedBeforeLogout_IsRefusedAfterIt()
    {
        using var browser = app.Client(clientAddress: "198.51.100.40");
        var signIn = await HostedApp.SignInAsync(browser, "agent", Password);
        var copy = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthCookie, StringComparison.Ordinal)).Split(';')[0];
        var beforeLogout = await GetHomeWithCookieAsync(copy);

        var logout = await browser.PostAsync("account/logout",
            new FormUrlEncodedContent([KeyValuePair.Create("__RequestVerificationToken", await HostedApp.AntiforgeryTokenAsync(browser))]), Ct);
        var afterLogout = await GetHomeWithCookieAsync(copy);

        Assert.Equal(HttpStatusCode.OK, beforeLogout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Found, afterLogout.StatusCode);
        Assert.StartsWith(LoginUrl, afterLogout.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeactivatedUsersCookie_IsRefusedOnTheNextRequest()
    {
        using var client = app.Client(clientAddress: "198.51.100.41");
        await HostedApp.SignInAsync(client, "agent2", Password);
        var before = await client.GetAsync("", Ct);

        await DeactivateAsync("agent2");
        var after = await client.GetAsync("", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(LoginUrl, after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangedRole_SendsTheNextRequestToLogin()
    {
        using var client = app.Client(clientAddress: "198.51.100.42");
        await HostedApp.SignInAsync(client, "tech1", Password);
        var before = await client.GetAsync("", Ct);

        await ChangeRoleAsync("tech1", Role.Supervisor);
        var after = await client.GetAsync("", Ct);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith(LoginUrl, after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Circuits_AreRevalidatedEveryMinute_ByTheAppsProvider()
    {
        await using var scope = app.Services.CreateAsyncScope();
        using var exposed = new ExposedRevalidation(app.Services.GetRequiredService<SessionValidator>());

        Assert.IsType<SessionRevalidatingAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        Assert.Equal(TimeSpan.FromMinutes(1), exposed.Interval);
    }

    [Fact]
    public async Task Revalidation_KeepsACurrentPrincipal()
    {
        var principal = await PrincipalAsync("supervisor");

        Assert.True(await RevalidateAsync(principal));
    }

    [Fact]
    public async Task Revalidation_DropsAPrincipalWithAStaleStamp()
    {
        var principal = await PrincipalAsync("supervisor2");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByNameAsync("supervisor2"))!);
        }

        Assert.False(await RevalidateAsync(principal));
    }

    [Fact]
    public async Task Revalidation_DropsADeactivatedUser()
    {
        var principal = await PrincipalAsync("finance");

        await DeactivateAsync("finance");

        Assert.False(await RevalidateAsync(principal));
    }

    [Fact]
    public async Task Revalidation_DropsAPrincipalWhoseRoleChanged()
    {
        var principal = await PrincipalAsync("sales");

        await ChangeRoleAsync("sales", Role.Finance);

        Assert.False(await RevalidateAsync(principal));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetHomeWithCookieAsync(string cookie)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = false,
            BaseAddress = new Uri("https://scrm.example.com/"),
        });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return await client.GetAsync("", Ct);
    }

    /// <summary>The principal a sign-in would put in the cookie right now.</summary>
    private async Task<ClaimsPrincipal> PrincipalAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<ScrmUser>>();
        return await signIn.CreateUserPrincipalAsync((await signIn.UserManager.FindByNameAsync(userName))!);
    }

    private async Task<bool> RevalidateAsync(ClaimsPrincipal principal)
    {
        using var provider = new ExposedRevalidation(app.Services.GetRequiredService<SessionValidator>());
        return await provider.ValidateAsync(principal);
    }

    private Task DeactivateAsync(string userName) =>
        UpdateProfileAsync(userName, p => p.IsActive, false);

    private Task ChangeRoleAsync(string userName, Role role) =>
        UpdateProfileAsync(userName, p => p.Role, role);

    /// <summary>Changes the row directly, as another server or an administrator's tool would: no app code is told.</summary>
    private async Task UpdateProfileAsync<T>(string userName, System.Linq.Expressions.Expression<Func<UserProfile, T>> property, T value)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var changed = await db.UserProfiles.Where(p => p.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(property, value), Ct);
        Assert.Equal(1, changed);
    }

    /// <summary>Reaches the provider's protected check and interval.</summary>
    private sealed class ExposedRevalidation(SessionValidator sessions)
        : SessionRevalidatingAuthenticationStateProvider(NullLoggerFactory.Instance, sessions)
    {
        public TimeSpan Interval => RevalidationInterval;

        public Task<bool> ValidateAsync(ClaimsPrincipal principal) =>
            ValidateAuthenticationStateAsync(new AuthenticationState(principal), Ct);
    }
}
