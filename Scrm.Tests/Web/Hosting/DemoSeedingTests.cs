using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Identity;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>The demo company and its shared password appear only where a developer runs the app, or when asked for.</summary>
public sealed class DemoSeedingTests
{
    [Fact]
    public async Task Production_OnAnEmptyDatabase_HasNoDemoAdmin_AndItsPasswordDoesNotSignIn()
    {
        await using var app = new HostedApp("Production");
        using var client = app.Client();

        var response = await HostedApp.SignInAsync(client, "admin", "Anjia@2026");

        Assert.Null(await FindAdminAsync(app));
        Assert.Equal("用户名或密码错误。多次失败后，请等几分钟再试。",
            HostedApp.TextOf(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), "login-error"));
    }

    [Fact]
    public async Task Development_SeedsTheDemoCompany()
    {
        await using var app = new HostedApp("Development");
        using var client = app.Client("http://localhost/");

        var response = await HostedApp.SignInAsync(client, "admin", "Anjia@2026");

        Assert.NotNull(await FindAdminAsync(app));
        Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
    }

    [Fact]
    public async Task Development_WithSeedingExplicitlyOff_HasNoDemoAdmin()
    {
        await using var app = new HostedApp("Development", ("Database:SeedDemoCompany", "false"));
        using var client = app.Client("http://localhost/");

        await client.GetAsync("account/login", TestContext.Current.CancellationToken);

        Assert.Null(await FindAdminAsync(app));
    }

    private static async Task<ScrmUser?> FindAdminAsync(HostedApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>().FindByNameAsync("admin");
    }
}
