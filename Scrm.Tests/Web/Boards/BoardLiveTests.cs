using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Tests.Web.Live;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Boards.Components;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Boards;

/// <summary>
/// The installation board as agent 张敏 while others work: a live change re-renders only the cell of the card it names, a move made
/// elsewhere changes the card's column, a drag in the browser highlights where the card may go and moves it there, and 移动到… does what a drop does.
/// </summary>
public sealed class BoardLiveTests : ScrmComponentTest
{
    [Fact]
    public async Task TitleEditedElsewhere_ArrivesOnTheOpenBoard_AndRerendersOnlyItsCell()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);
        var cells = cut.FindComponents<BoardCellView>();
        Assert.True(cells.Count > 2);
        var before = cells.ToDictionary(c => c.Instance.Zone, c => c.RenderCount);
        var changedCell = cut.Find($"[data-ticket-id='{ticketId}']").ParentElement!.GetAttribute("data-zone");
        var otherTitles = cut.FindAll($"[data-testid=board-card]:not([data-ticket-id='{ticketId}']) [data-testid=board-card-title]").Select(t => t.TextContent).ToList();
        var filterBar = cut.FindComponent<BoardFilterBar>();
        var filterBarRenders = filterBar.RenderCount;
        var headers = cut.FindComponents<BoardColumnHeader>().Select(h => (Header: h, Renders: h.RenderCount)).ToList();

        await LiveEdits.EditAsync(Services, "supervisor", ticketId, f => f.Title = "李娜刚改的标题");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("李娜刚改的标题", cut.Find($"[data-ticket-id='{ticketId}'] [data-testid=board-card-title]").TextContent));
        Assert.Equal("accept", changedCell);
        foreach (var cell in cut.FindComponents<BoardCellView>())
        {
            Assert.Equal(cell.Instance.Zone == changedCell ? before[cell.Instance.Zone] + 1 : before[cell.Instance.Zone], cell.RenderCount);
        }

        Assert.Equal(otherTitles, cut.FindAll($"[data-testid=board-card]:not([data-ticket-id='{ticketId}']) [data-testid=board-card-title]").Select(t => t.TextContent));
        Assert.Equal(filterBarRenders, filterBar.RenderCount);
        Assert.All(headers, h => Assert.Equal(h.Renders, h.Header.RenderCount));
    }

    [Fact]
    public async Task CardMovedElsewhere_ChangesColumnOnTheOpenBoard()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);
        var acceptCount = int.Parse(cut.Find("[data-column-key=accept] [data-testid=column-count]").TextContent, System.Globalization.CultureInfo.InvariantCulture);

        var tickets = Services.GetRequiredService<TicketService>();
        var supervisor = await TestApp.ActorAsync(Services, "supervisor");
        var ticket = await tickets.GetAsync(supervisor, ticketId, Xunit.TestContext.Current.CancellationToken);
        var accept = Assert.Single(ticket!.Workflow!.Buttons, b => b.Label == "受理");
        await tickets.TransitionAsync(supervisor, ticketId, ticket.Version, accept.TransitionId, Xunit.TestContext.Current.CancellationToken);
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")));
        Assert.Empty(cut.FindAll($"[data-column-key=accept] [data-ticket-id='{ticketId}']"));
        Assert.Equal((acceptCount - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            cut.Find("[data-column-key=accept] [data-testid=column-count]").TextContent);
    }

    [Fact]
    public async Task Drag_HighlightsWhereTheCardMayGo_AndADropMovesIt()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);

        await cut.Find("[data-column-key=accept] .scrm-board-cards").TriggerEventAsync("oncarddragstart", new BoardCardEventArgs { TicketId = ticketId });

        cut.WaitForAssertion(() => Assert.Contains("scrm-drop-ok", cut.Find("[data-column-key=dispatch] .scrm-board-cards").ClassName, StringComparison.Ordinal));
        Assert.Contains("scrm-drop-no", cut.Find("[data-column-key=confirm] .scrm-board-cards").ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("scrm-drop", cut.Find("[data-column-key=accept] .scrm-board-cards").ClassName, StringComparison.Ordinal);

        await cut.Find("[data-column-key=dispatch] .scrm-board-cards").DropAsync();
        cut.Find("[data-column-key=dispatch] .scrm-board-cards").DragEnd();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")));
        Assert.Empty(cut.FindAll($"[data-column-key=accept] [data-ticket-id='{ticketId}']"));
        Assert.Empty(cut.FindAll(".scrm-drop-ok, .scrm-drop-no"));
        Assert.Equal("true", cut.Find($"[data-ticket-id='{ticketId}']").GetAttribute("draggable"));
    }

    [Fact]
    public async Task ClickOnACard_OpensItsTicket()
    {
        var (templateId, ticketId) = await TicketAtAsync("dispatch");
        var cut = RenderBoard(templateId);

        await cut.Find("[data-column-key=dispatch] .scrm-board-cards").TriggerEventAsync("oncardopen", new BoardCardEventArgs { TicketId = ticketId });

        Assert.EndsWith($"/tickets/{ticketId}", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveToMenu_OffersTheReachableColumns_AndMovesLikeADrop()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderBoard(templateId);
        Assert.Single(cut.FindAll($"[data-ticket-id='{ticketId}'] button[data-testid=card-move][aria-label='Move to…']"));

        var menu = cut.InvokeAsync(() => cut.Find("[data-column-key=accept] .scrm-board-cards")
            .TriggerEventAsync("oncardopen", new BoardCardEventArgs { TicketId = ticketId, Move = true }));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=move-to-column]")));

        Assert.Equal(["dispatch"], dialogs.FindAll("[data-testid=move-to-column]").Select(b => b.GetAttribute("data-column-key")));
        dialogs.Find("[data-testid=move-to-column]").Click();
        await menu;

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")));
        Assert.Empty(cut.FindAll($"[data-column-key=accept] [data-ticket-id='{ticketId}']"));
        Assert.DoesNotContain("tickets/", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveToMenu_RefusesWhatTheWorkflowRefuses_WithTheDropsReason()
    {
        var (templateId, ticketId) = await TicketAtAsync("visit");
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var cut = RenderBoard(templateId);

        var menu = cut.InvokeAsync(() => cut.Find("[data-column-key=visit] .scrm-board-cards")
            .TriggerEventAsync("oncardopen", new BoardCardEventArgs { TicketId = ticketId, Move = true }));
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=move-to-column][data-column-key=confirm]")));
        dialogs.Find("[data-testid=move-to-column][data-column-key=confirm]").Click();
        await menu;

        var message = Assert.Single(Services.GetRequiredService<MudBlazor.ISnackbar>().ShownSnackbars).Message;
        Assert.Equal("You cannot do \"完工\" at 上门.", message);
        Assert.Single(cut.FindAll($"[data-column-key=visit] [data-ticket-id='{ticketId}']"));
    }

    [Fact]
    public async Task WhenTheUsersRegionsChange_TheOpenBoardReloads_AndLeavesOutTicketsNoLongerInScope()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);
        Assert.Single(cut.FindAll($"[data-ticket-id='{ticketId}']"));
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            var regionId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RegionId).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            var elsewhere = await db.Regions.Where(r => r.ParentId != null && r.Id != regionId).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
            var users = Services.GetRequiredService<Scrm.Web.Features.Users.UserAdminService>();
            var admin = await TestApp.ActorAsync(Services, "admin");
            var agentId = await db.UserProfiles.Where(u => u.UserName == "agent").Select(u => u.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            var form = Scrm.Web.Features.Users.UserForm.Edit((await users.GetAsync(admin, agentId, Xunit.TestContext.Current.CancellationToken))!);
            form.RegionIds = [elsewhere];
            await users.EditAsync(admin, agentId, form, Xunit.TestContext.Current.CancellationToken);
        }

        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"[data-ticket-id='{ticketId}']")));
    }

    private IRenderedComponent<BoardPage> RenderBoard(long templateId)
    {
        var cut = Render<BoardPage>(p => p.Add(b => b.Key, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board-card]")));
        return cut;
    }

    /// <summary>The installation template and its first seeded ticket resting at <paramref name="nodeId"/>.</summary>
    private async Task<(long TemplateId, long TicketId)> TicketAtAsync(string nodeId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var templateId = await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync();
        var ticketId = await db.Tickets.Where(t => t.TemplateId == templateId && t.CurrentNodeId == nodeId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        return (templateId, ticketId);
    }
}
