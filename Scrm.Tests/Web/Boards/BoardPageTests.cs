using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Tickets;
using Scrm.Tests.Web.Live;
using Xunit;

namespace Scrm.Tests.Web.Boards;

/// <summary>The installation board as agent 张敏: drops run the workflow, refusals are told, the feed redraws cards.</summary>
public sealed class BoardPageTests : ScrmComponentTest
{
    [Fact]
    public async Task DropOnTheNextStep_MovesTheCard()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);

        await cut.InvokeAsync(() => cut.Instance.DropAsync(ticketId, "dispatch"));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")));
        Assert.Empty(cut.FindAll($"[data-column-key=accept] [data-ticket-id='{ticketId}']"));
    }

    [Fact]
    public async Task RefusedDrop_ShowsTheReason_AndTheCardStays()
    {
        var (templateId, ticketId) = await TicketAtAsync("visit");
        var cut = RenderBoard(templateId);

        await cut.InvokeAsync(() => cut.Instance.DropAsync(ticketId, "confirm"));

        var message = Assert.Single(Services.GetRequiredService<ISnackbar>().ShownSnackbars).Message;
        Assert.Equal("You cannot do \"完工\" at 上门.", message);
        Assert.Single(cut.FindAll($"[data-column-key=visit] [data-ticket-id='{ticketId}']"));
    }

    [Fact]
    public async Task MissingRequiredField_AsksForIt_AndCompletesTheMove()
    {
        var (templateId, ticketId) = await TicketAtAsync("dispatch");
        await LiveEdits.EditAsync(Services, "agent", ticketId, f => f.Fields["appointment"] = null);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderBoard(templateId);

        var drop = cut.InvokeAsync(() => cut.Instance.DropAsync(ticketId, "visit"));
        dialogs.WaitForAssertion(() => Assert.Single(dialogs.FindAll("[data-testid=required-fields-dialog] [data-field]")));
        Assert.Equal("appointment", dialogs.Find("[data-testid=required-fields-dialog] [data-field]").GetAttribute("data-field"));
        dialogs.Find("[data-field=appointment] input").Input("2026-12-01");
        dialogs.Find("[data-testid=required-fields-submit]").Click();
        await drop;

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll($"[data-column-key=visit] [data-ticket-id='{ticketId}']")));
        var ticket = await Services.GetRequiredService<TicketService>().GetAsync(await TestApp.ActorAsync(Services, "agent"), ticketId, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal("2026-12-01", ticket!.Fields["appointment"]);
        Assert.Equal("上门", ticket.Workflow!.CurrentNodeName);
    }

    [Fact]
    public async Task ChangeFeedMessage_RedrawsTheCard()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var cut = RenderBoard(templateId);

        await LiveEdits.EditAsync(Services, "supervisor", ticketId, f => f.Title = "李娜刚改的标题");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("李娜刚改的标题", cut.Find($"[data-ticket-id='{ticketId}'] [data-testid=board-card-title]").TextContent));
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
