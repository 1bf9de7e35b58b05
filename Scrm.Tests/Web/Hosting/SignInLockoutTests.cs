using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// Accounts lock in the database after five failed sign-ins, a deactivated user learns why only with the right
/// password, and a sign-in is recorded. Each test uses its own demo user and client address.
/// </summary>
public sealed class SignInLockoutTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    private const string Password = "Anjia@2026";
    private const string Refusal = "用户名或密码错误。多次失败后，请等几分钟再试。";
    private const string AuthCookie = ".AspNetCore.Identity.Application=";

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndTheRightOneIsThenRefusedWithTheLockedMessage()
    {
        using var client = app.Client(clientAddress: "198.51.100.60");
        var before = DateTime.UtcNow;
        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await ErrorOfAsync(await HostedApp.SignInAsync(client, "agent", "wrong-" + i)));
        }

        var sixth = await HostedApp.SignInAsync(client, "agent", Password);
        var login = await LoginAsync("agent");

        Assert.Equal([Refusal, Refusal, Refusal, Refusal], answers.Take(4));
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.False(SetsAuthCookie(sixth));
        Assert.NotNull(login.LockoutEnd);
        Assert.InRange(login.LockoutEnd.Value.UtcDateTime, before.AddMinutes(15), DateTime.UtcNow.AddMinutes(15));
        var until = ChinaTime.FromUtc(login.LockoutEnd.Value.UtcDateTime).ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.Equal($"登录失败次数过多，账号已锁定。请在 {until} 之后再试，或请管理员解锁。", await ErrorOfAsync(sixth));
        Assert.Equal(answers[4], await ErrorOfAsync(sixth));
    }

    [Fact]
    public async Task AnUnlockedAccount_SignsInAgain()
    {
        using var client = app.Client(clientAddress: "198.51.100.61");
        for (var i = 0; i < 5; i++)
        {
            await HostedApp.SignInAsync(client, "agent2", "wrong-" + i);
        }

        var whileLocked = await HostedApp.SignInAsync(client, "agent2", Password);
        await UpdateLoginAsync("agent2", u => u.SetProperty(l => l.LockoutEnd, (DateTimeOffset?)null));
        var afterUnlock = await HostedApp.SignInAsync(client, "agent2", Password);

        Assert.Equal(HttpStatusCode.OK, whileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.Found, afterUnlock.StatusCode);
        Assert.True(SetsAuthCookie(afterUnlock));
    }

    [Fact]
    public async Task ADeactivatedUser_WithTheRightPassword_IsToldSo_AndGetsNoCookie()
    {
        using var client = app.Client(clientAddress: "198.51.100.62");

        var response = await HostedApp.SignInAsync(client, "tech0", Password);
        var home = await client.GetAsync("", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("此账号已停用，请联系管理员", await ErrorOfAsync(response));
        Assert.False(SetsAuthCookie(response));
        Assert.Equal(HttpStatusCode.Found, home.StatusCode);
        Assert.StartsWith("https://scrm.example.com/account/login", home.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeactivatedUser_WithAWrongPassword_ReadsLikeAnyWrongPassword()
    {
        using var client = app.Client(clientAddress: "198.51.100.63");

        var response = await HostedApp.SignInAsync(client, "tech0", "not-the-password");

        Assert.Equal(Refusal, await ErrorOfAsync(response));
    }

    [Fact]
    public async Task ASignIn_RecordsItsTime()
    {
        using var client = app.Client(clientAddress: "198.51.100.64");
        var before = DateTime.UtcNow;

        var response = await HostedApp.SignInAsync(client, "tech4", Password);
        var login = await LoginAsync("tech4");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.NotNull(login.LastSignInAt);
        Assert.InRange(login.LastSignInAt.Value, before, DateTime.UtcNow);
    }

    [Theory]
    [InlineData("ＳＵＰＥＲＶＩＳＯＲ３")]
    [InlineData(" Supervisor3 ")]
    public async Task TheUserName_MatchesRegardlessOfCaseAndWidth(string typed)
    {
        using var client = app.Client(clientAddress: "198.51.100.65");

        var response = await HostedApp.SignInAsync(client, typed, Password);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.True(SetsAuthCookie(response));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response) =>
        HostedApp.TextOf(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), "login-error");

    private static bool SetsAuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(AuthCookie, StringComparison.Ordinal));

    private async Task<ScrmUser> LoginAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName, Ct);
    }

    /// <summary>Changes the login row directly, as an admin's unlock would.</summary>
    private async Task UpdateLoginAsync(string userName, Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<ScrmUser>> set)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(set, Ct));
    }
}
