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

    [Fact]
    public async Task BigColumn_ShowsOnePage_HoldsOnlyThoseCards_AndShowsMoreOnRequest()
    {
        var (templateId, ticketId) = await TicketAtAsync("accept");
        var total = await CopiesAtTheSameStepAsync(ticketId, 29);
        var cut = RenderBoard(templateId);

        var column = "[data-column-key=accept]";
        Assert.Equal(20, cut.FindAll($"{column} [data-testid=board-card]").Count);
        Assert.Equal(total.ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find($"{column} [data-testid=column-count]").TextContent);
        Assert.Equal($"Show more ({total - 20} more)", cut.Find($"{column} [data-testid=show-more]").TextContent);

        var board = await Services.GetRequiredService<BoardService>().GetAsync(await TestApp.ActorAsync(Services, "agent"), new BoardKey(templateId), new BoardFilter(), Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(total, board!.Slots.Count(s => s.ColumnKey == "accept"));
        Assert.Equal(20, board.Cards.Values.Count(c => c.ColumnKey == "accept"));

        // A shown card leaves: the first hidden one comes into view.
        await cut.InvokeAsync(() => cut.Instance.DropAsync(ticketId, "dispatch"));
        cut.WaitForAssertion(() => Assert.Equal($"Show more ({total - 21} more)", cut.Find($"{column} [data-testid=show-more]").TextContent));
        Assert.Equal(20, cut.FindAll($"{column} [data-testid=board-card]").Count);
        Assert.Equal((total - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), cut.Find($"{column} [data-testid=column-count]").TextContent);

        cut.Find($"{column} [data-testid=show-more]").Click();

        cut.WaitForAssertion(() => Assert.Equal(total - 1, cut.FindAll($"{column} [data-testid=board-card]").Count));
        Assert.Empty(cut.FindAll($"{column} [data-testid=show-more]"));
    }

    private IRenderedComponent<BoardPage> RenderBoard(long templateId)
    {
        var cut = Render<BoardPage>(p => p.Add(b => b.Key, templateId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=board-card]")));
        return cut;
    }

    /// <summary>Adds <paramref name="copies"/> rows copied from the ticket (same step, new numbers); returns how many now rest there.</summary>
    private async Task<int> CopiesAtTheSameStepAsync(long ticketId, int copies)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var columns = db.Model.FindEntityType(typeof(Scrm.Domain.Tickets.Ticket))!.GetProperties()
            .Where(p => p.Name != "Id").Select(p => $"\"{p.GetColumnName()}\"").ToList();
        var copied = string.Join(", ", columns.Select(c => c == "\"Number\"" ? "\"Number\" || '-' || @copy" : c));
        var sql = $"INSERT INTO \"Tickets\" ({string.Join(", ", columns)}) SELECT {copied} FROM \"Tickets\" WHERE \"Id\" = @id";
        for (var copy = 1; copy <= copies; copy++)
        {
            await db.Database.ExecuteSqlRawAsync(sql, new Microsoft.Data.Sqlite.SqliteParameter("@copy", copy), new Microsoft.Data.Sqlite.SqliteParameter("@id", ticketId));
        }

        var nodeId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.CurrentNodeId).SingleAsync();
        return await db.Tickets.CountAsync(t => t.CurrentNodeId == nodeId && t.TemplateId == db.Tickets.Single(o => o.Id == ticketId).TemplateId
            && t.Status != Scrm.Domain.Tickets.TicketStatus.Closed && t.Status != Scrm.Domain.Tickets.TicketStatus.Cancelled);
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
