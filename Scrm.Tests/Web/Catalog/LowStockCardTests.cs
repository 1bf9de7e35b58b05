using Bunit;
using Scrm.Web.Features.Catalog.Components;
using Scrm.Web.Features.Home;
using Xunit;

namespace Scrm.Tests.Web.Catalog;

/// <summary>The workbench's low-stock alert: the demo company has four part × warehouse pairs at or below threshold.</summary>
public sealed class LowStockCardForAdminTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void ListsTheLowPairs_LowestFirst_AndLinksToTheFilteredPartsPage()
    {
        var cut = Render<LowStockCard>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=low-stock-row]").Count));
        Assert.Equal(["WM-BELT 洗衣机皮带", "上海仓", "3 条", "5 条"],
            cut.FindAll("[data-testid=low-stock-row]")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("4 to restock", cut.Find("[data-testid=low-stock-count]").TextContent.Trim());
        Assert.Equal("admin/catalog/parts?low=true", cut.Find("a[data-testid=low-stock-link]").GetAttribute("href"));
    }

    [Fact]
    public void TheWorkbench_ShowsTheCard()
    {
        var cut = Render<WorkbenchPage>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=low-stock-card] [data-testid=low-stock-row]").Count));
    }
}

public sealed class LowStockCardForAgentTests : ScrmComponentTest
{
    protected override string UserName => "agent";

    [Fact]
    public void TheWorkbench_ShowsNoCard_ToTheDesk()
    {
        var cut = Render<WorkbenchPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=ticket-row], .scrm-kpi")));
        Assert.Empty(cut.FindAll("[data-testid=low-stock-card]"));
    }
}

public sealed class LowStockCardForSupervisorTests : ScrmComponentTest
{
    protected override string UserName => "supervisor";

    [Fact]
    public void ListsTheLowPairs_WithoutALinkToAPageTheyWouldBeDenied()
    {
        var cut = Render<LowStockCard>();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=low-stock-row]").Count));
        Assert.Empty(cut.FindAll("[data-testid=low-stock-link]"));
    }
}
