using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Revenue;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>
/// The revenue page over a fake reader and the seeded region tree (上海市 › 上海, 浙江省 › 杭州/湖州/宁波), on the test clock's
/// day 2026-11-25: drill-down links, breadcrumbs, export links, refusals, empty and bad periods.
/// </summary>
public sealed class RevenueDashboardPageTests : ScrmComponentTest
{
    public RevenueDashboardPageTests() : base(s => s.AddSingleton<IRevenueDashboardReader, FakeRevenueReader>()) { }

    private FakeRevenueReader Reader => (FakeRevenueReader)Services.GetRequiredService<IRevenueDashboardReader>();

    protected override string UserName => "finance";

    private async Task<(long Zhejiang, long Hangzhou, long Shanghai)> RegionsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var ids = await db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id);
        return (ids["浙江省"], ids["杭州"], ids["上海市"]);
    }

    private IRenderedComponent<RevenueDashboardPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("dashboards/revenue" + query);
        var cut = Render<RevenueDashboardPage>();
        cut.WaitForState(() => !cut.Markup.Contains("mud-progress-linear", StringComparison.Ordinal));
        return cut;
    }

    [Fact]
    public async Task TheTopLevel_ShowsTheKpis_AndEachProvinceLinksToItsCities()
    {
        var (zhejiang, _, shanghai) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions,
            new RegionRevenue(zhejiang, "浙江省", true, new(1000m, 600m, 5)), new RegionRevenue(shanghai, "上海市", true, new(500m, 300m, 2)));

        var cut = Open("?period=month");

        Assert.Equal(RegionFilter.All, Reader.Asked.Single());
        Assert.Equal(("¥12,345.60", "¥8,000.00", "¥4,345.60", "42"), (
            cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent, cut.Find("[data-testid=kpi-cost] [data-testid=kpi-value]").TextContent,
            cut.Find("[data-testid=kpi-margin] [data-testid=kpi-value]").TextContent, cut.Find("[data-testid=kpi-settled] [data-testid=kpi-value]").TextContent));
        Assert.Equal("▲ 12.2 %", cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-change]").TextContent.Trim());
        Assert.Equal("vs previous period", cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-compared-with]").TextContent);
        Assert.Equal([$"dashboards/revenue?period=month&province={zhejiang}", $"dashboards/revenue?period=month&province={shanghai}"],
            cut.FindAll("[data-testid=regions-table] [data-testid=row-link]").Select(a => a.GetAttribute("href")));
        Assert.Equal("浙江省", cut.Find("[data-testid=regions-table] [data-testid=row-link]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=breadcrumbs]"));
    }

    [Fact]
    public async Task AProvince_ListsItsCities_WithLinksToTheirTickets_AndABreadcrumbHome()
    {
        var (zhejiang, hangzhou, _) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions, new RegionRevenue(hangzhou, "杭州", false, new(800m, 500m, 4)));

        var cut = Open($"?from=2026-11-01&to=2026-11-20&province={zhejiang}");

        Assert.Equal(new RegionFilter(zhejiang, null), Reader.Asked.Single());
        Assert.Equal($"dashboards/revenue?from=2026-11-01&to=2026-11-20&province={zhejiang}&city={hangzhou}",
            cut.Find("[data-testid=regions-table] [data-testid=row-link]").GetAttribute("href"));
        var crumbs = cut.Find("[data-testid=breadcrumbs]");
        Assert.Contains("All regions", crumbs.TextContent, StringComparison.Ordinal);
        Assert.Contains("浙江省", crumbs.TextContent, StringComparison.Ordinal);
        Assert.Equal("dashboards/revenue?from=2026-11-01&to=2026-11-20", crumbs.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ACity_ListsItsSettledTickets_APageAtATime_WithoutLinksFinanceCouldNotFollow()
    {
        var (zhejiang, hangzhou, _) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions);
        Reader.Tickets = [.. Enumerable.Range(1, 25).Select(i => new SettledTicketRow(100 + i, $"WX-{i:000}", $"空调安装 {i}", "孙伟",
            new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), new(200m, 120m, 1)))];

        var cut = Open($"?period=month&province={zhejiang}&city={hangzhou}&page=2");

        Assert.Equal((hangzhou, 2, 20), Reader.TicketsAsked);
        var rows = cut.FindAll("[data-testid=tickets-table] [data-testid=dashboard-row]");
        Assert.Equal(["WX-021", "WX-022", "WX-023", "WX-024", "WX-025"], rows.Select(r => r.TextContent.Trim()[..6]));
        Assert.Empty(cut.FindAll("[data-testid=tickets-table] [data-testid=row-link]"));
        Assert.Equal($"dashboards/revenue/tickets.xlsx?period=month&province={zhejiang}&city={hangzhou}",
            cut.Find("[data-testid=tickets-table] [data-testid=export-link]").GetAttribute("href"));
        var crumbs = cut.FindAll("[data-testid=breadcrumbs] a").Select(a => a.GetAttribute("href")).Take(2);
        Assert.Equal(["dashboards/revenue?period=month", $"dashboards/revenue?period=month&province={zhejiang}"], crumbs);
        Assert.EndsWith("杭州", cut.Find("[data-testid=breadcrumbs]").TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTable_HasAnExportLink_WithThePagesQuery()
    {
        var (zhejiang, hangzhou, _) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions, new RegionRevenue(hangzhou, "杭州", false, new(800m, 500m, 4)));

        var cut = Open($"?period=week&province={zhejiang}");

        Assert.Equal(
        [
            $"dashboards/revenue/daily.xlsx?period=week&province={zhejiang}",
            $"dashboards/revenue/categories.xlsx?period=week&province={zhejiang}",
            $"dashboards/revenue/regions.xlsx?period=week&province={zhejiang}",
            $"dashboards/revenue/technicians.xlsx?period=week&province={zhejiang}",
        ], cut.FindAll("[data-testid=export-link]").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ARefusedRegion_ShowsAccessDenied_AndNoNumbers()
    {
        var (zhejiang, _, _) = await RegionsAsync();
        Reader.Refuse = true;

        var cut = Open($"?period=month&province={zhejiang}");

        Assert.Contains("do not have access", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(cut.FindAll("[data-testid=kpi-value]"));
        Assert.DoesNotContain("¥", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("浙江省", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyPeriod_ShowsTheEmptyState_AndNoCharts()
    {
        var cut = Open("?period=today");

        Assert.Contains("Nothing settled in this period yet", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Equal("¥0.00", cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=revenue-trend]"));
        Assert.Empty(cut.FindAll("[data-testid=export-link]"));
    }

    [Fact]
    public async Task AnEmptyPeriod_WithEveryRegionAtZero_ShowsTheEmptyState_AndNoCharts()
    {
        var (zhejiang, _, shanghai) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.Empty(period, regions) with
        {
            ByRegion = [new RegionRevenue(zhejiang, "浙江省", true, new(0m, 0m, 0)), new RegionRevenue(shanghai, "上海市", true, new(0m, 0m, 0))],
        };

        var cut = Open("?period=today");

        Assert.Contains("Nothing settled in this period yet", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=revenue-trend]"));
    }

    [Fact]
    public async Task ASingleDay_SaysItHasNoTrend_InsteadOfDrawingALoneDot()
    {
        var (zhejiang, _, _) = await RegionsAsync();
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions, new RegionRevenue(zhejiang, "浙江省", true, new(1000m, 600m, 5)));

        var cut = Open("?period=today");

        Assert.Contains("A single day has no trend", cut.Find("[data-testid=revenue-trend] [data-testid=trend-one-day]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=revenue-trend] .mud-chart"));
        Assert.Equal("¥12,345.60", cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-value]").TextContent);
        Assert.Equal("vs all of yesterday", cut.Find("[data-testid=kpi-revenue] [data-testid=kpi-compared-with]").TextContent);

        // Two days make a line.
        Reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions, new RegionRevenue(zhejiang, "浙江省", true, new(1000m, 600m, 5))) with
        {
            Daily = [new(period.From, new MoneyTotals(100m, 60m, 1)), new(period.From.AddDays(1), new MoneyTotals(200m, 120m, 2))],
        };
        var week = Open("?period=week");
        Assert.NotEmpty(week.FindAll("[data-testid=revenue-trend] .mud-chart"));
        Assert.Empty(week.FindAll("[data-testid=trend-one-day]"));
    }

    [Fact]
    public void ARangeEndingBeforeItStarts_SaysSo_AndReadsNothing()
    {
        var cut = Open("?from=2026-11-20&to=2026-11-01");

        Assert.Contains("end date is before the start date", cut.Find("[data-testid=period-error]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Reader.Asked);
        Assert.Empty(cut.FindAll("[data-testid=kpi-value]"));
    }

    [Fact]
    public async Task AnUnknownRegion_OrACityOfAnotherProvince_IsNotFound()
    {
        var (_, hangzhou, shanghai) = await RegionsAsync();

        var unknown = Open("?period=month&province=999999");
        Assert.Contains("no such region", unknown.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);

        var mismatched = Open($"?period=month&province={shanghai}&city={hangzhou}");
        Assert.Contains("no such region", mismatched.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal);
        Assert.Empty(Reader.Asked);
    }
}
