using Bunit;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Scrm.Web.Features.Dashboards.Components;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>A KPI card: its number, the arrow and colour of the change, the sparkline and the definition on hover.</summary>
public sealed class KpiCardTests : ScrmComponentTest
{
    [Fact]
    public void ARise_ShowsAnUpArrowInGreen_WhenARiseIsGood()
    {
        var cut = Render<KpiCard>(p => p.Add(k => k.Title, "Revenue").Add(k => k.Value, "¥12,345.60").Add(k => k.Change, 0.125m)
            .Add(k => k.Definition, "What customers are charged").Add(k => k.Sparkline, [1, 3, 2]));

        Assert.Equal("¥12,345.60", cut.Find("[data-testid=kpi-value]").TextContent);
        var change = cut.Find("[data-testid=kpi-change]");
        Assert.Equal("▲ 12.5 %", change.TextContent.Trim());
        Assert.Contains("scrm-dash-good", change.ClassList);
        Assert.Equal("0,29 50,1 100,15", cut.Find("[data-testid=sparkline] polyline").GetAttribute("points"));
    }

    [Fact]
    public void ARiseInCost_IsBadNews_AndAFallIsGood()
    {
        var rise = Render<KpiCard>(p => p.Add(k => k.Title, "Cost").Add(k => k.Value, "¥8,000.00").Add(k => k.Change, 0.2m).Add(k => k.RiseIsGood, false)
            .Add(k => k.Definition, "d"));
        var fall = Render<KpiCard>(p => p.Add(k => k.Title, "Cost").Add(k => k.Value, "¥8,000.00").Add(k => k.Change, -0.05m).Add(k => k.RiseIsGood, false)
            .Add(k => k.Definition, "d"));

        Assert.Equal("▲ 20.0 %", rise.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Contains("scrm-dash-bad", rise.Find("[data-testid=kpi-change]").ClassList);
        Assert.Equal("▼ 5.0 %", fall.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Contains("scrm-dash-good", fall.Find("[data-testid=kpi-change]").ClassList);
    }

    [Fact]
    public void NoPreviousPeriod_SaysSo_AndOnePointDrawsNoSparkline()
    {
        var cut = Render<KpiCard>(p => p.Add(k => k.Title, "Settled").Add(k => k.Value, "42").Add(k => k.Change, null).Add(k => k.Definition, "d")
            .Add(k => k.Sparkline, [5]));

        Assert.Equal("No previous period to compare", cut.Find("[data-testid=kpi-change]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=sparkline]"));
    }

    [Fact]
    public async Task TheDefinition_ShowsOnHover()
    {
        var popovers = Render<MudPopoverProvider>();
        var cut = Render<KpiCard>(p => p.Add(k => k.Title, "Revenue").Add(k => k.Value, "¥1.00").Add(k => k.Definition, "Charged to customers, reversals deducted"));
        Assert.DoesNotContain("Charged to customers", popovers.Markup, StringComparison.Ordinal);

        await cut.Find(".mud-tooltip-root").TriggerEventAsync("onpointerenter", new PointerEventArgs());

        popovers.WaitForAssertion(() => Assert.Contains("Charged to customers, reversals deducted", popovers.Find(".mud-tooltip").TextContent, StringComparison.Ordinal));
    }
}
