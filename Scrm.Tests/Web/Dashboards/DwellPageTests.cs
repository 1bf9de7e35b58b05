using Blazor.Diagrams.Core.Geometry;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Web.Features.Dashboards.Dwell;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>节点耗时 page over a fake reader: heat colours and captions on the canvas, drill-down, export link, errors.</summary>
public sealed class DwellPageTests : ScrmComponentTest
{
    public DwellPageTests() : base(s => s.AddSingleton<IDwellTimeReader>(new FakeDwellReader())) =>
        JSInterop.Setup<Rectangle>("ZBlazorDiagrams.getBoundingClientRect", _ => true).SetResult(new Rectangle(0, 0, 1000, 700));

    protected override string UserName => "supervisor";

    private FakeDwellReader Reader => (FakeDwellReader)Services.GetRequiredService<IDwellTimeReader>();

    private IRenderedComponent<DwellPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"dashboards/dwell?{query}");
        return Render<DwellPage>();
    }

    [Fact]
    public void Canvas_ColoursEachNode_ByItsMedian_AgainstTheSlowest_AndLabelsIt()
    {
        var cut = Open("workflow=7&from=2026-11-01&to=2026-11-30");

        cut.WaitForElement(".wf-node[data-node-id=visit]");
        var visit = cut.Find(".wf-node[data-node-id=visit]");
        var review = cut.Find(".wf-node[data-node-id=review]");
        var done = cut.Find(".wf-node[data-node-id=done]");
        Assert.Contains("--wf-fill: #FF7875", visit.GetAttribute("style"));   // 200 of 200: hottest
        Assert.Contains("--wf-fill: #FFF1B8", review.GetAttribute("style"));  // 45 of 200: second fifth
        Assert.Contains("Median 3 h 20 min\nP90 10 h · 30 visits", visit.QuerySelector("[data-testid=node-caption]")!.TextContent);
        Assert.Contains("No data · 0 open", done.QuerySelector("[data-testid=node-caption]")!.TextContent);
        Assert.Contains("--wf-fill: var(--mud-palette-surface)", done.GetAttribute("style"));
    }

    [Fact]
    public void P90Toggle_ColoursByP90()
    {
        var cut = Open("workflow=7&from=2026-11-01&to=2026-11-30&metric=p90");

        cut.WaitForElement(".wf-node[data-node-id=review]");
        Assert.Contains("--wf-fill: #D9F7BE", cut.Find(".wf-node[data-node-id=review]").GetAttribute("style")); // 90 of 600: coolest
        Assert.Contains("P90", cut.Find("[data-testid=heat-legend]").TextContent);
    }

    [Fact]
    public void ClickingANode_ListsItsSlowestTickets_LinkingToThem()
    {
        var cut = Open("workflow=7&from=2026-11-01&to=2026-11-30");

        cut.WaitForElement("[data-testid=node-row][data-node-id=visit]").Click();

        cut.WaitForElements("[data-testid=slowest-row]", 2);
        var rows = cut.FindAll("[data-testid=slowest-row]");
        Assert.Equal("tickets/42", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("12 h", rows[0].TextContent);
        Assert.Contains("Unassigned", rows[1].TextContent);
        Assert.Contains("Slowest at 上门", cut.Find("[data-testid=slowest]").TextContent);
        Assert.Equal(("visit", new DateOnly(2026, 11, 1)), (Reader.SlowestAsked[^1].NodeId, Reader.SlowestAsked[^1].Period.From));
    }

    [Fact]
    public void Table_ShowsEveryNode_AndTheExportLinkCarriesTheSameQuery()
    {
        var cut = Open("workflow=7&from=2026-11-01&to=2026-11-30&metric=p90");

        var rows = cut.WaitForElements("[data-testid=node-row]", 4);
        Assert.Equal(["开始", "上门", "回访", "已完成"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        Assert.Contains("10 h", rows[1].TextContent);
        Assert.Equal("dashboards/dwell/nodes.xlsx?workflow=7&from=2026-11-01&to=2026-11-30&metric=p90",
            cut.Find("[data-testid=export]").GetAttribute("href"));
    }

    [Fact]
    public void NoWorkflowInTheUrl_ShowsTheLatestVersionOfTheFirstTemplate()
    {
        var cut = Open("period=month");

        cut.WaitForElement(".wf-node[data-node-id=visit]");
        Assert.Contains("v2", cut.Find("[data-testid=version-select]").TextContent);
    }

    [Theory]
    [InlineData("workflow=abc")]
    [InlineData("workflow=99999")]
    [InlineData("workflow=-3")]
    public void UnknownOrGarbageVersion_SaysNotFound(string query)
    {
        var cut = Open(query);

        cut.WaitForAssertion(() => Assert.Contains("Workflow version not found", cut.Markup));
        Assert.Empty(cut.FindAll(".wf-node"));
    }

    [Fact]
    public void EndBeforeStart_ShowsThePeriodMessage_AndNoNumbers()
    {
        var cut = Open("workflow=7&from=2026-11-30&to=2026-11-01");

        cut.WaitForAssertion(() => Assert.Contains("The end date is before the start date", cut.Find("[data-testid=period-error]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=node-row]"));
    }

    [Fact]
    public void ForbiddenReader_ShowsAccessDenied()
    {
        Reader.Forbid = true;

        var cut = Open("workflow=7");

        cut.WaitForAssertion(() => Assert.Contains("You do not have access to this page", cut.Find("[data-testid=empty-state]").TextContent));
        Assert.Empty(cut.FindAll(".wf-node"));
    }
}
