using System.Globalization;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>
/// Exports requested through the service and run by the outbox worker, on real SQLite with the demo company plus
/// generated tickets; the files are opened with ClosedXML, a reader independent of the writer.
/// </summary>
public sealed class ExportRunTests(ExportApp app) : IClassFixture<ExportApp>
{
    private static readonly string[] StandardHeaders =
        ["工单号", "标题", "模板", "状态", "当前步骤", "紧急程度", "客户", "区域", "处理人", "创建人", "创建时间", "更新时间", "描述"];

    // Every field of 安装工单, then 维修工单's (联系电话 is shared, so one column).
    private static readonly string[] CustomHeaders =
    [
        "产品类型", "型号", "电商订单号", "购买日期", "安装地址", "联系电话", "预约上门日期", "需要拆旧机", "拆旧数量", "高空作业", "额外费用",
        "故障类型", "故障代码", "保修状态", "保修卡号", "维修报价", "关联客户", "备注",
    ];

    [Fact]
    public async Task AnExport_OpensWithClosedXml_WithEveryCustomFieldColumn_EveryRow_AndFormattedCells()
    {
        await app.AddTicketsAsync("批量导出样本", 1_200, "上海");
        var id = await app.RequestAsync("agent", new TicketFilter { Search = "批量导出样本" }, "安装工单", "维修工单");
        await app.DeliverAsync();

        var job = await app.JobAsync(id);
        Assert.Equal((ExportState.Done, 1_200, 1_200), (job.State, job.RowsWritten, job.TotalRows));
        using var workbook = new XLWorkbook(app.Files.PathOf(id));
        var sheet = workbook.Worksheet("工单");
        Assert.Equal([.. StandardHeaders, .. CustomHeaders], sheet.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(1_201, sheet.LastRowUsed().RowNumber());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal(job.FileSize, new FileInfo(app.Files.PathOf(id)).Length);

        // Rows come in ticket order, over two pages of the reader: the first is the first generated ticket, an install.
        var install = sheet.Row(2);
        Assert.Equal("批量导出样本 0", install.Cell(2).GetString());
        Assert.Equal(("安装工单", "待受理", "常规", "上海", "张敏"), (install.Cell(3).GetString(), install.Cell(4).GetString(), install.Cell(6).GetString(),
            install.Cell(8).GetString(), install.Cell(10).GetString()));
        Assert.Equal(new DateTime(2026, 11, 25, 14, 0, 0), install.Cell(11).GetDateTime()); // 06:00 UTC in China time
        Assert.Equal("yyyy-mm-dd hh:mm", install.Cell(11).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 11, 20, 0, 0, 0), install.Cell(13 + 4).GetDateTime());
        Assert.Equal("是", install.Cell(13 + 8).GetString());
        Assert.Equal(2, install.Cell(13 + 9).GetDouble());
        Assert.Equal(1234.5, install.Cell(13 + 11).GetDouble());
        Assert.Equal("¥#,##0.00", install.Cell(13 + 11).Style.NumberFormat.Format);
        Assert.True(install.Cell(13 + 12).IsEmpty()); // a repair field

        var repair = sheet.Row(3);
        Assert.Equal("不制冷、漏水", repair.Cell(13 + 12).GetString());
        Assert.Equal(88, repair.Cell(13 + 16).GetDouble());
        Assert.Equal(repair.Cell(7).GetString(), repair.Cell(13 + 17).GetString()); // 关联客户 by name: the ticket's own customer
        Assert.False(string.IsNullOrEmpty(repair.Cell(7).GetString()));
    }

    [Fact]
    public async Task ARegionalUsersExport_HoldsOnlyTheTicketsOfTheirRegions()
    {
        await app.AddTicketsAsync("区域导出样本", 30, "杭州");
        await app.AddTicketsAsync("区域导出样本", 20, "上海");

        var id = await app.RequestAsync("agent3", new TicketFilter { Search = "区域导出样本" }, "安装工单");
        var central = await app.RequestAsync("agent", new TicketFilter { Search = "区域导出样本" }, "安装工单");
        await app.DeliverAsync();

        using var workbook = new XLWorkbook(app.Files.PathOf(id));
        var regions = workbook.Worksheet(1).RowsUsed().Skip(1).Select(r => r.Cell(8).GetString()).ToList();
        Assert.Equal(30, regions.Count);
        Assert.All(regions, r => Assert.Equal("杭州", r));
        Assert.Equal((30, 50), ((await app.JobAsync(id)).RowsWritten, (await app.JobAsync(central)).RowsWritten));
    }

    [Fact]
    public async Task AnExportThatMatchesNothing_IsDone_WithTheHeaderRowOnly()
    {
        var id = await app.RequestAsync("agent", new TicketFilter { Search = "没有这样的工单" }, "维修工单");
        await app.DeliverAsync();

        var job = await app.JobAsync(id);
        Assert.Equal((ExportState.Done, 0, 0), (job.State, job.RowsWritten, job.TotalRows));
        using var workbook = new XLWorkbook(app.Files.PathOf(id));
        Assert.Equal(1, workbook.Worksheet(1).LastRowUsed().RowNumber());
        Assert.Equal(13 + 8, workbook.Worksheet(1).Row(1).CellsUsed().Count());
    }

    [Fact]
    public async Task AnExportWhoseStoredFilterIsGarbage_Fails_AndLeavesNoFile()
    {
        var id = await app.RequestAsync("agent", new TicketFilter(), "安装工单");
        await app.ReadAsync(db => db.Database.ExecuteSqlAsync($"UPDATE ExportJobs SET Filter = {"{\"Statuses\":[\"Lost\"]}"} WHERE Id = {id}",
            TestContext.Current.CancellationToken));
        await app.DeliverAsync();

        var job = await app.JobAsync(id);
        Assert.Equal((ExportState.Failed, ExportFailure.FilterUnreadable), (job.State, job.Failure));
        Assert.Empty(app.FilesOf(id));
    }

    [Fact]
    public async Task AnExportCancelledBeforeItRuns_IsNeverWritten()
    {
        var id = await app.RequestAsync("agent2", new TicketFilter(), "安装工单");
        await app.Exports().CancelAsync(await app.ActorAsync("agent2"), id, TestContext.Current.CancellationToken);
        await app.DeliverAsync();

        Assert.Equal(ExportState.Cancelled, (await app.JobAsync(id)).State);
        Assert.Empty(app.FilesOf(id));
    }

    [Fact]
    public async Task OnlyTheOwner_CancelsOrDownloads_AndAnIdThatIsNoExportIsNotFound()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN"); // the requester's language names the file
        var id = await app.RequestAsync("supervisor", new TicketFilter { Search = "没有这样的工单" });
        var exports = app.Exports();
        var stranger = await app.ActorAsync("agent");

        var refused = await Assert.ThrowsAsync<DomainException>(() => exports.CancelAsync(stranger, id, TestContext.Current.CancellationToken));
        Assert.Equal("ExportNotYours", refused.Code);
        await app.DeliverAsync();

        Assert.Equal(ExportDownloadOutcome.Forbidden, (await exports.DownloadAsync(stranger, id.ToString(), TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(ExportDownloadOutcome.NotFound, (await exports.DownloadAsync(stranger, "not-a-guid", TestContext.Current.CancellationToken)).Outcome);
        Assert.Equal(ExportDownloadOutcome.NotFound, (await exports.DownloadAsync(stranger, Guid.NewGuid().ToString(), TestContext.Current.CancellationToken)).Outcome);
        var mine = await exports.DownloadAsync(await app.ActorAsync("supervisor"), id.ToString(), TestContext.Current.CancellationToken);
        Assert.Equal((ExportDownloadOutcome.File, app.Files.PathOf(id)), (mine.Outcome, mine.Path));
        Assert.StartsWith("工单导出-", mine.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFourthExportAtOnce_IsRefusedWithAMessage_UntilOneFinishes()
    {
        for (var i = 0; i < ExportJob.MaxActivePerOwner; i++)
        {
            await app.RequestAsync("director", new TicketFilter { Search = "没有这样的工单" });
        }

        var refused = await Assert.ThrowsAsync<DomainException>(() => app.RequestAsync("director", new TicketFilter()));
        Assert.Equal("ExportTooMany", refused.Code);

        await app.DeliverAsync();
        Assert.NotEqual(Guid.Empty, await app.RequestAsync("director", new TicketFilter { Search = "没有这样的工单" }));
    }
}
