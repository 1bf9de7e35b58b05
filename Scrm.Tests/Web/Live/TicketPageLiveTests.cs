using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Live;

/// <summary>The ticket page as agent 张敏 while others (and she, in another tab) change the ticket.</summary>
public sealed class TicketPageLiveTests : ScrmComponentTest
{
    private readonly CountingContextFactory _contexts;

    public TicketPageLiveTests()
        : this(new CountingContextFactory())
    {
    }

    private TicketPageLiveTests(CountingContextFactory contexts)
        : base(contexts.Install) => _contexts = contexts;

    [Fact]
    public async Task AnotherUsersEdit_ShowsTheReloadBar_AndTheShownTicketStaysUntilReload()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        var cut = RenderTicket(id);
        var before = cut.Find("[data-testid=ticket-title-view]").TextContent;

        await LiveEdits.EditAsync(Services, "supervisor", id, f => f.Title = "李娜改过的标题");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("李娜 changed this ticket", cut.Find("[data-testid=ticket-changed] span").TextContent.Trim()));
        Assert.Equal(before, cut.Find("[data-testid=ticket-title-view]").TextContent);
        cut.Find("[data-testid=reload-changed]").Click();
        cut.WaitForAssertion(() => Assert.Equal("李娜改过的标题", cut.Find("[data-testid=ticket-title-view]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=ticket-changed]"));
    }

    [Fact]
    public async Task OwnEditFromAnotherTab_WhileNotEditing_Reloads()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        var cut = RenderTicket(id);

        await LiveEdits.EditAsync(Services, "agent", id, f => f.Title = "另一个标签页改的标题");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("另一个标签页改的标题", cut.Find("[data-testid=ticket-title-view]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=ticket-changed]"));
    }

    [Fact]
    public async Task OwnEditFromAnotherTab_WhileEditingHere_KeepsTheFormAndShowsTheBar()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        var cut = RenderTicket(id);
        cut.Find("[data-testid=edit-ticket]").Click();

        await LiveEdits.EditAsync(Services, "agent", id, f => f.Title = "另一个标签页改的标题");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("张敏 changed this ticket", cut.Find("[data-testid=ticket-changed] span").TextContent.Trim()));
        Assert.Single(cut.FindAll("[data-testid=save-ticket]"));
    }

    [Fact]
    public async Task ChangeToAnotherTicket_IsIgnored()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        var other = await LiveEdits.OpenTicketAsync(Services, Scrm.Domain.Tickets.TicketStatus.New);
        var cut = RenderTicket(id);

        await LiveEdits.EditAsync(Services, "supervisor", other, f => f.Title = "别的工单");
        LiveEdits.LetBurstSettle(Services);
        // A later change to this ticket proves the refresh ran; the earlier one must not have shown a bar of its own.
        await LiveEdits.EditAsync(Services, "agent", id, f => f.Title = "本工单");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("本工单", cut.Find("[data-testid=ticket-title-view]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=ticket-changed]"));
    }

    [Fact]
    public async Task CommentByAnotherUser_AppearsInTheList()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        var cut = Render<TicketComments>(p => p.Add(c => c.TicketId, id));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));

        await LiveEdits.CommentAsync(Services, "supervisor", id, "主管：请今天联系客户");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Contains("主管：请今天联系客户", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispose_Unsubscribes()
    {
        var feed = (InProcessChangeFeed)Services.GetRequiredService<IChangeFeed>();
        var id = await LiveEdits.OpenTicketAsync(Services);
        _ = Services.GetRequiredService<TemplateCache>(); // the app-wide template cache listens too, for good
        var before = feed.SubscriberCount;

        var cut = RenderTicket(id);
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Activity", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => Assert.Equal(before + 3, feed.SubscriberCount)); // the page, its comments and its 服务与备件 tab

        await DisposeComponentsAsync();

        Assert.Equal(before, feed.SubscriberCount);
    }

    [Fact]
    public async Task Prerender_ReadsNothing_AndTheInteractiveRenderReadsTheTicketOnce()
    {
        var feed = (InProcessChangeFeed)Services.GetRequiredService<IChangeFeed>();
        var id = await LiveEdits.OpenTicketAsync(Services, withLinkedCustomer: true);
        Render<MudPopoverProvider>();
        _ = Services.GetRequiredService<TemplateCache>(); // the app-wide template cache listens too, for good
        var subscribers = feed.SubscriberCount;
        _contexts.Reset();

        SetRendererInfo(new RendererInfo("Static", false));
        var prerendered = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Single(prerendered.FindAll(".mud-progress-linear"));
        Assert.Equal(0, _contexts.Created);
        Assert.Equal(subscribers, feed.SubscriberCount);

        SetRendererInfo(new RendererInfo("Server", true));
        var interactive = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        interactive.WaitForElement("[data-testid=ticket-title-view]");
        // One read for the ticket, its linked customer's name included; the 服务与备件 tab's lines, and the services and
        // parts the agent may record: nothing twice.
        interactive.WaitForAssertion(() => Assert.Equal(3, _contexts.Created));
    }

    private IRenderedComponent<TicketPage> RenderTicket(long id)
    {
        Render<MudPopoverProvider>();
        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForElement("[data-testid=ticket-title-view]");
        return cut;
    }
}
