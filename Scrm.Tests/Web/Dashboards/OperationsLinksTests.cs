using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Operations;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>The operations dashboard's links, table and workbook, as plain functions.</summary>
public sealed class OperationsLinksTests : IDisposable
{
    private static readonly DashboardPeriod November = new(PeriodPreset.Custom, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    private IStringLocalizer L => _services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
    }

    [Fact]
    public void TicketLinks_SelectTheTicketsBehindEachKindOfNumber()
    {
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&region=3",
            OperationsLinks.Tickets(OperationsTicketSet.Open, 3, November));
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&sla=breached",
            OperationsLinks.Tickets(OperationsTicketSet.OpenBreached, null, November));
        Assert.Equal("tickets?region=31&from=2026-11-01&to=2026-11-30",
            OperationsLinks.Tickets(OperationsTicketSet.CreatedInPeriod, 31, November));
        Assert.Equal("tickets?region=31&from=2026-11-01&to=2026-11-30&sla=breached",
            OperationsLinks.Tickets(OperationsTicketSet.BreachedInPeriod, 31, November));
    }

    [Fact]
    public void PageAndExportLinks_CarryThePeriodAndProvince()
    {
        var week = DashboardPeriod.For(PeriodPreset.ThisWeek, new DateOnly(2026, 11, 25));

        Assert.Equal("dashboards/operations?period=week&province=3", OperationsLinks.Page(week, 3));
        Assert.Equal("dashboards/operations?period=week", OperationsLinks.Page(week, null));
        Assert.Equal("dashboards/operations/regions.xlsx?from=2026-11-01&to=2026-11-30&province=3", OperationsLinks.Export(November, 3));
    }

    [Fact]
    public void Table_HasARegionColumnAndTheTenKpis_OneRowPerRegion_ThenTheTotal()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

        var table = OperationsTable.Build(FakeOperationsReader.Sample(November, RegionFilter.All), L);

        Assert.Equal("按区域", table.Title);
        Assert.Equal(["区域", "未结工单", "期间新建", "SLA 超时率", "平均首次响应", "平均解决时长", "一次修复率", "满意度（5 分制）", "返修率", "超时未结", "技师利用率"],
            table.Columns.Select(c => c.Header));
        Assert.Equal(["浙江省", "江苏省", "合计"], table.Rows.Select(r => r[0]));
        Assert.Equal(new object?[] { "合计", 1234, 40, 0.125m, 200m, 1500m, null, 4.56m, 0.05m, 3, 0.75m }, table.Rows[2]);
    }

    [Fact]
    public void Table_SaysNewToday_ForToday()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var today = DashboardPeriod.For(PeriodPreset.Today, new DateOnly(2026, 11, 25));

        var table = OperationsTable.Build(FakeOperationsReader.Sample(today, RegionFilter.All), L);

        Assert.Equal("New today", table.Columns[2].Header);
    }

    [Fact]
    public void Workbook_HoldsTheRegionsAndTheTotal_Typed()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        var table = OperationsTable.Build(FakeOperationsReader.Sample(November, RegionFilter.All), L);

        using var workbook = new ClosedXML.Excel.XLWorkbook(new MemoryStream(DashboardWorkbook.Build(table)));
        var sheet = workbook.Worksheet(1);

        Assert.Equal("Region", sheet.Cell(1, 1).GetString());
        Assert.Equal("Open backlog", sheet.Cell(1, 2).GetString());
        Assert.Equal(("Total", 1234m, 0.125m), (sheet.Cell(4, 1).GetString(), sheet.Cell(4, 2).GetValue<decimal>(), sheet.Cell(4, 4).GetValue<decimal>()));
        Assert.True(sheet.Cell(4, 7).IsEmpty());
        Assert.Equal("0.0%", sheet.Cell(4, 4).Style.NumberFormat.Format);
    }
}
