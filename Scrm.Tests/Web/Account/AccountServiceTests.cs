using Microsoft.Extensions.DependencyInjection;
using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Account;

/// <summary>On SQLite with the real migrations, where text comparison is case-sensitive by default.</summary>
public sealed class AccountServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    [Theory]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    [InlineData(" Admin ")]
    public async Task FindCulture_MatchesTheUserName_RegardlessOfCase(string typed)
    {
        await using var scope = fixture.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var admin = await TestApp.ActorAsync(fixture.Services, "admin");
        await accounts.SaveCultureAsync(admin, "en", TestContext.Current.CancellationToken);

        Assert.Equal("en", await accounts.FindCultureAsync(typed, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FindCulture_OfAnUnknownName_IsNull()
    {
        await using var scope = fixture.Services.CreateAsyncScope();

        Assert.Null(await scope.ServiceProvider.GetRequiredService<AccountService>().FindCultureAsync("nobody", TestContext.Current.CancellationToken));
    }
}
