using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Notifications;
using Scrm.Web.Features.Account.Components;
using Scrm.Web.Features.Notifications;
using Xunit;

namespace Scrm.Tests.Web.Notifications;

/// <summary>The switches on My account: one per kind, all on at first; turning one off and saving stores it.</summary>
public sealed class NotificationPreferencesFormTests : ScrmComponentTest
{
    protected override string UserName => "tech1";

    [Fact]
    public async Task ASwitchPerKind_AllOnAtFirst_TurningOneOffAndSaving_StoresIt()
    {
        var cut = Render<NotificationPreferencesForm>();

        cut.WaitForAssertion(() => Assert.Equal(Enum.GetValues<NotificationKind>().Length, cut.FindAll("[data-testid^=notify-] input[type=checkbox]").Count));
        Assert.All(cut.FindAll("[data-testid^=notify-] input[type=checkbox]"), i => Assert.True(i.HasAttribute("checked")));
        Assert.True(cut.Find("[data-testid=notify-save]").HasAttribute("disabled"));

        cut.Find("[data-testid=notify-Mentioned] input").Change(false);
        cut.Find("[data-testid=notify-save]").Click();

        var tech1 = await TestApp.ActorAsync(Services, UserName);
        var saved = await Services.GetRequiredService<NotificationPreferenceService>().GetAsync(tech1, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(1, saved.Version);
        Assert.False(saved.Wanted[NotificationKind.Mentioned]);
        Assert.True(saved.Wanted[NotificationKind.Assigned]);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=notify-Mentioned] input").HasAttribute("checked")));
    }
}
