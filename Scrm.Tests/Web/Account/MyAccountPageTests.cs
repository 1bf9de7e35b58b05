using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Account;

/// <summary>My account for a city supervisor (杭州), in English.</summary>
public sealed class MyAccountPageTests() : ScrmComponentTest(services => services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>())
{
    protected override string UserName => "supervisor2";

    [Fact]
    public void ShowsWhoTheUserIs_AndTheirRegions()
    {
        var page = Render<MyAccountPage>();

        page.WaitForAssertion(() => Assert.Equal("supervisor2", page.Find("[data-testid=account-user-name]").TextContent));
        Assert.Equal("Supervisor", page.Find("[data-testid=account-role]").TextContent);
        Assert.Equal("浙江省 · 杭州", page.Find("[data-testid=account-regions]").TextContent);
        Assert.Equal("test-token", page.Find("[data-testid=password-form] input[name=__RequestVerificationToken]").GetAttribute("value"));
    }

    [Fact]
    public void ListsTheRefusedPasswordsProblems_BesideTheirFields()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("account?error=TooShort&error=Common&error=Mismatch&error=Bogus");

        var page = Render<MyAccountPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=password-new-errors] li").Count));
        Assert.Equal("A password needs at least 10 characters.", page.Find("[data-testid=password-error-TooShort]").TextContent);
        Assert.Equal("This password is one of the first that attackers try. Choose another.", page.Find("[data-testid=password-error-Common]").TextContent);
        Assert.Equal("The two new passwords do not match.", page.Find("[data-testid=password-confirm-errors]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=password-current-errors]"));
    }

    [Fact]
    public void AfterAChange_ConfirmsIt_AndDropsTheFlagFromTheAddress()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("account?changed=1");

        var page = Render<MyAccountPage>();

        page.WaitForAssertion(() => Assert.Equal("http://localhost/account", navigation.Uri));
        Assert.Equal(["Your password has been changed."], Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
