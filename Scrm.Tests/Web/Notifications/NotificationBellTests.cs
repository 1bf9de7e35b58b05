using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Scrm.Domain.Notifications;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Notifications;

/// <summary>The bell as the signed-in agent: count, list, opening one, marking all, and live updates from the feed.</summary>
public sealed class NotificationBellTests : ScrmComponentTest
{
    private FakeTimeProvider Time => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    private async Task<string> AgentIdAsync() => (await TestApp.ActorAsync(Services, UserName)).UserId;

    private IRenderedComponent<ContainerFragment> RenderBell() => Render(builder =>
    {
        builder.OpenComponent<MudPopoverProvider>(0);
        builder.CloseComponent();
        builder.OpenComponent<NotificationBell>(1);
        builder.CloseComponent();
    });

    private static void Open(IRenderedComponent<ContainerFragment> cut)
    {
        cut.Find("[data-testid=bell-button]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-popover-open")));
    }

    [Fact]
    public async Task Badge_CountsUnread_AndIsHiddenAtZero()
    {
        var me = await AgentIdAsync();
        var ticket = await NotificationSeed.FirstTicketAsync(Services);
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "One");
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "Two");
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "Old", read: true);

        var cut = RenderBell();

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".mud-badge").TextContent.Trim()));
        Open(cut);
        cut.Find("[data-testid=bell-mark-all]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-badge")));
    }

    [Fact]
    public async Task List_ShowsNewestFirst_WithTicketNumber_UnreadEmphasized()
    {
        var me = await AgentIdAsync();
        var ticket = await NotificationSeed.FirstTicketAsync(Services);
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "Older and read", read: true);
        Time.Advance(TimeSpan.FromHours(2));
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "Node 'Visit'", NotificationKind.Escalation);

        var cut = RenderBell();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(".mud-badge").TextContent.Trim()));
        Open(cut);

        var items = cut.FindAll("[data-testid=bell-item]");
        Assert.Equal(2, items.Count);
        Assert.Contains("Escalated: Node 'Visit' ran out of time", items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains($"{ticket.Number} · {ticket.Title} · just now", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("false", items[0].GetAttribute("data-read"));
        Assert.NotNull(items[0].QuerySelector(".font-weight-bold"));
        Assert.Contains("Older and read", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("2 h ago", items[1].TextContent, StringComparison.Ordinal);
        Assert.Null(items[1].QuerySelector(".font-weight-bold"));
    }

    [Fact]
    public async Task ClickingOne_MarksItRead_AndOpensItsTicket()
    {
        var me = await AgentIdAsync();
        var ticket = await NotificationSeed.FirstTicketAsync(Services);
        var id = await NotificationSeed.AddAsync(Services, me, ticket.Id, "Call the customer back");
        var cut = RenderBell();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(".mud-badge").TextContent.Trim()));
        Open(cut);

        cut.Find("[data-testid=bell-item]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Equal($"http://localhost/tickets/{ticket.Id}", navigation.Uri));
        Assert.NotNull(await NotificationSeed.ReadAtAsync(Services, id));
    }

    [Fact]
    public void NoNotifications_SaysSo()
    {
        var cut = RenderBell();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=bell-button]")));
        Open(cut);

        Assert.Equal("No notifications yet. They appear here when a ticket needs you.", cut.Find("[data-testid=bell-empty]").TextContent.Trim());
    }

    [Fact]
    public async Task ANotificationSavedElsewhere_ShowsUpLive_AfterTheBurstDelay()
    {
        var me = await AgentIdAsync();
        var ticket = await NotificationSeed.FirstTicketAsync(Services);
        var cut = RenderBell();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=bell-button]")));
        Assert.Empty(cut.FindAll(".mud-badge"));

        // Saving publishes on the app's real InProcessChangeFeed after commit, as the outbox delivery will.
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "New job for you");
        await NotificationSeed.AddAsync(Services, me, ticket.Id, "And another");
        Time.Advance(LiveChanges.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".mud-badge").TextContent.Trim()));
    }
}
