using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Identity;
using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Hosting;

/// <summary>Identity, as the app configures it, finds logins and judges passwords the way the domain does.</summary>
public sealed class IdentityAgreementTests(ProductionApp app) : IClassFixture<ProductionApp>
{
    [Theory]
    [InlineData("ＡＤＭＩＮ")]
    [InlineData("Admin")]
    [InlineData(" admin ")]
    public async Task AUserName_FindsTheLogin_RegardlessOfCaseAndWidth(string typed)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();

        Assert.Equal("admin", (await users.FindByNameAsync(typed))?.UserName);
    }

    [Fact]
    public async Task FindCulture_UsesTheSameNormalization()
    {
        await using var scope = app.Services.CreateAsyncScope();

        Assert.Equal("zh-CN", await scope.ServiceProvider.GetRequiredService<AccountService>().FindCultureAsync("ＡＧＥＮＴ", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("quiet river walk")]
    [InlineData("长城长江黄河泰山华山")]
    public async Task ALongPassword_WithoutDigitsCapitalsOrSymbols_IsAccepted(string password)
    {
        Assert.Empty(await ErrorsAsync("agent", password));
    }

    [Theory]
    [InlineData("1qaz2wsx3edc", "PasswordPolicy.Common")]
    [InlineData("Ab1!", "PasswordPolicy.TooShort")]
    [InlineData("my-agent-password", "PasswordPolicy.SameAsUserName")]
    [InlineData("Password123", "PasswordPolicy.Common")]
    public async Task APasswordThePolicyRefuses_IsRefusedByIdentity_WithOnlyThePolicysReason(string password, string code)
    {
        Assert.Equal([code], await ErrorsAsync("agent", password));
    }

    /// <summary>Every password validator Identity runs, as UserManager would before setting a password.</summary>
    private async Task<List<string>> ErrorsAsync(string userName, string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ScrmUser>>();
        var user = (await users.FindByNameAsync(userName))!;
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors.Select(e => e.Code));
        }

        return errors;
    }
}
