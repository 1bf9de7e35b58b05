using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Operations;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>The operations dashboard over a fake reader, as a supervisor sees it (English UI).</summary>
public sealed class OperationsDashboardPageTests : ScrmComponentTest
{
    private const string November = "from=2026-11-01&to=2026-11-30";

    public OperationsDashboardPageTests() : this(new FakeOperationsReader())
    {
    }

    private OperationsDashboardPageTests(FakeOperationsReader reader) : base(s => s.AddSingleton<IOperationsDashboardReader>(reader)) => Reader = reader;

    private FakeOperationsReader Reader { get; }

    protected override string UserName => "supervisor";

    [Fact]
    public void Tiles_ShowTheTotalRow_Formatted()
    {
        var cut = Open($"dashboards/operations?{November}");

        cut.WaitForAssertion(() => Assert.Equal("1,234", Tile(cut, "OpenBacklog")));
        Assert.Equal("40", Tile(cut, "New"));
        Assert.Equal("12.5 %", Tile(cut, "SlaBreachRate"));
        Assert.Equal("3 h 20 min", Tile(cut, "FirstResponse"));
        Assert.Equal("1 d 1 h", Tile(cut, "Resolution"));
        Assert.Equal("—", Tile(cut, "FirstTimeFix"));
        Assert.Equal("4.6", Tile(cut, "Satisfaction"));
        Assert.Equal("5.0 %", Tile(cut, "ReopenRate"));
        Assert.Equal("3", Tile(cut, "Overdue"));
        Assert.Equal("75.0 %", Tile(cut, "Utilisation"));
        Assert.Equal("7", Tile(cut, "PartsLow"));
        Assert.Contains("New in period", cut.Find("[data-testid=ops-tile-New]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void TileNumbers_LinkToTheirTickets_WithTheViewersWholeScope()
    {
        var cut = Open($"dashboards/operations?{November}");

        cut.WaitForAssertion(() => Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold",
            cut.Find("[data-testid=ops-tile-OpenBacklog] a").GetAttribute("href")));
        Assert.Equal("tickets?from=2026-11-01&to=2026-11-30&sla=breached", cut.Find("[data-testid=ops-tile-SlaBreachRate] a").GetAttribute("href"));
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&sla=breached",
            cut.Find("[data-testid=ops-tile-Overdue] a").GetAttribute("href"));
        // Nothing to measure: no number, so no link.
        Assert.Empty(cut.FindAll("[data-testid=ops-tile-FirstTimeFix] a"));
    }

    [Fact]
    public void PartsTile_IsNotALink_ForASupervisor_WhoCannotOpenTheSparePartsList()
    {
        var cut = Open($"dashboards/operations?{November}");

        cut.WaitForAssertion(() => Assert.Equal("7", Tile(cut, "PartsLow")));
        Assert.Empty(cut.FindAll("[data-testid=ops-tile-PartsLow] a"));
    }

    [Fact]
    public void Table_HasOneRowPerProvince_ThatDrillsIn_AndLinksEachNumberToItsTickets()
    {
        var cut = Open($"dashboards/operations?{November}");

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=ops-table] tbody tr").Count));
        var zhejiang = cut.Find("[data-testid=ops-row-3]");
        Assert.Equal("dashboards/operations?from=2026-11-01&to=2026-11-30&province=3", zhejiang.QuerySelector("[data-testid=ops-drill]")!.GetAttribute("href"));
        Assert.Equal("25.0 %", zhejiang.QuerySelector("[data-kpi=SlaBreachRate]")!.TextContent.Trim());
        Assert.Equal("1 h 35 min", zhejiang.QuerySelector("[data-kpi=FirstResponse]")!.TextContent.Trim());
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&region=3",
            zhejiang.QuerySelector("[data-kpi=OpenBacklog] a")!.GetAttribute("href"));
        Assert.Equal("tickets?region=3&from=2026-11-01&to=2026-11-30", zhejiang.QuerySelector("[data-kpi=New] a")!.GetAttribute("href"));
        var total = cut.Find("[data-testid=ops-row-total]");
        Assert.StartsWith("Total", total.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("1,234", total.QuerySelector("[data-kpi=OpenBacklog]")!.TextContent.Trim());
    }

    [Fact]
    public void ChosenProvince_ShowsItsCities_WithABreadcrumbBack_AndReadsThatProvince()
    {
        var cut = Open($"dashboards/operations?{November}&province=3");

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=ops-row-31]")));
        Assert.Equal(new RegionFilter(3, null), Reader.Calls[^1].Regions);
        Assert.Empty(cut.FindAll("[data-testid=ops-drill]"));
        Assert.Equal("tickets?region=31&from=2026-11-01&to=2026-11-30&sla=breached",
            cut.Find("[data-testid=ops-row-31] [data-kpi=SlaBreachRate] a").GetAttribute("href"));
        // The total row is the province's: its links keep to the province.
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&region=3",
            cut.Find("[data-testid=ops-row-total] [data-kpi=OpenBacklog] a").GetAttribute("href"));
        var back = cut.Find("[data-testid=ops-breadcrumbs] a");
        Assert.Equal("All regions", back.TextContent.Trim());
        Assert.Equal("dashboards/operations?from=2026-11-01&to=2026-11-30", back.GetAttribute("href"));
        Assert.Equal("tickets?status=New&status=Assigned&status=InProgress&status=OnHold&region=3",
            cut.Find("[data-testid=ops-tile-OpenBacklog] a").GetAttribute("href"));
    }

    [Fact]
    public void NothingToMeasure_ShowsADash_WithANoDataHint()
    {
        var cut = Open($"dashboards/operations?{November}&province=3");

        cut.WaitForAssertion(() => Assert.Equal("—", cut.Find("[data-testid=ops-row-32] [data-kpi=SlaBreachRate]").TextContent.Trim()));
        cut.Find("[data-testid=ops-row-32] [data-kpi=SlaBreachRate] .mud-tooltip-root").TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());

        cut.WaitForAssertion(() => Assert.Contains("No data: nothing in this period to measure.", Popovers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Definitions_ShowOnHover_OverTheTileAndTheHeader()
    {
        var cut = Open($"dashboards/operations?{November}");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=ops-tile-ReopenRate]")));

        cut.Find("[data-testid=ops-tile-ReopenRate] .mud-tooltip-root").TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Of the tickets created in the period and resolved at least once, the share reopened at least once.",
            Popovers.Markup, StringComparison.Ordinal));
        Assert.Contains("Click the number to see all tickets created in the period", Popovers.Markup, StringComparison.Ordinal);

        cut.Find("[data-testid=ops-table] thead [data-testid=ops-hint-OpenBacklog], [data-testid=ops-table] thead th:nth-child(2) .mud-tooltip-root")
            .TriggerEvent("onpointerenter", new Microsoft.AspNetCore.Components.Web.PointerEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Resolved, closed and cancelled tickets do not count.", Popovers.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void RefusedProvince_ShowsAccessDenied_AndNoNumbers()
    {
        Reader.Refused.Add(9);

        var cut = Open($"dashboards/operations?{November}&province=9");

        cut.WaitForAssertion(() => Assert.Contains("You do not have access to this page", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=ops-tiles]"));
        Assert.Empty(cut.FindAll("[data-testid=ops-table]"));
        // The typed id is not echoed back: no "#9" crumb, and the picker says 全部区域 rather than "9".
        Assert.Empty(cut.FindAll("[data-testid=ops-breadcrumbs]"));
        Assert.DoesNotContain("#9", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"9\"", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AProvinceThatDoesNotExist_SaysSo_WithAWayBackToAllRegions()
    {
        Reader.Missing.Add(999_999);

        var cut = Open($"dashboards/operations?{November}&province=999999");

        cut.WaitForAssertion(() => Assert.Contains("There is no such region", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=ops-tiles]"));
        Assert.Empty(cut.FindAll("[data-testid=ops-breadcrumbs]"));
        Assert.Contains(cut.FindAll("[data-testid=empty-state] a"), a => a.GetAttribute("href") == "dashboards/operations?from=2026-11-01&to=2026-11-30");
    }

    [Theory]
    [InlineData("from=2026-11-30&to=2026-11-01", "The end date is before the start date.")]
    [InlineData("from=2020-01-01&to=2026-11-30", "A range can be at most 3 years long.")]
    public void PeriodThatCannotBeShown_SaysWhy_AndReadsNothing(string query, string message)
    {
        var cut = Open($"dashboards/operations?{query}");

        cut.WaitForAssertion(() => Assert.Contains(message, cut.Find("[data-testid=ops-period-error]").TextContent, StringComparison.Ordinal));
        Assert.Empty(Reader.Calls);
        Assert.Empty(cut.FindAll("[data-testid=ops-tiles]"));
    }

    [Theory]
    [InlineData("dashboards/operations?province=abc&period=nonsense")]
    [InlineData("dashboards/operations?province=99999999999999999999")]
    [InlineData("dashboards/operations?from=2026-13-45&to=yesterday")]
    public void GarbageInTheUrl_IsIgnored_AndShowsEveryRegionToday(string url)
    {
        var cut = Open(url);

        cut.WaitForAssertion(() => Assert.Equal("1,234", Tile(cut, "OpenBacklog")));
        Assert.Equal((PeriodPreset.Today, RegionFilter.All), (Reader.Calls[^1].Period.Preset, Reader.Calls[^1].Regions));
        Assert.Contains("New today", cut.Find("[data-testid=ops-tile-New]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportButton_LinksToTheWorkbookOfTheSameView()
    {
        var cut = Open($"dashboards/operations?{November}&province=3");

        cut.WaitForAssertion(() => Assert.Equal("dashboards/operations/regions.xlsx?from=2026-11-01&to=2026-11-30&province=3",
            cut.Find("[data-testid=ops-export]").GetAttribute("href")));
    }

    [Fact]
    public void ChoosingAPreset_PutsItInTheUrl_KeepingTheProvince()
    {
        var cut = Open($"dashboards/operations?{November}&province=3");
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=ops-tiles]")));

        cut.Find("[data-testid=ops-period-ThisMonth]").Click();

        Assert.EndsWith("dashboards/operations?period=month&province=3", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    private IRenderedComponent<MudPopoverProvider>? _popovers;

    private IRenderedComponent<MudPopoverProvider> Popovers => _popovers!;

    private IRenderedComponent<OperationsDashboardPage> Open(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        _popovers = Render<MudPopoverProvider>();
        return Render<OperationsDashboardPage>();
    }

    private static string Tile(IRenderedComponent<OperationsDashboardPage> cut, string key) =>
        cut.Find($"[data-testid=ops-tile-{key}] .ops-tile-value").TextContent.Trim();
}

/// <summary>An admin may open the spare parts list, so the parts number links to it.</summary>
public sealed class OperationsDashboardAdminTests() : ScrmComponentTest(s => s.AddSingleton<IOperationsDashboardReader>(new FakeOperationsReader()))
{
    protected override string UserName => "admin";

    [Fact]
    public void PartsTile_LinksToTheLowStockParts()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("dashboards/operations?period=month");
        Render<MudPopoverProvider>();

        var cut = Render<OperationsDashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("admin/catalog/parts?low=true", cut.Find("[data-testid=ops-tile-PartsLow] a").GetAttribute("href")));
    }
}
