using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Scrm.Web.Features.Regions;
using Xunit;

namespace Scrm.Tests.Web.Regions;

/// <summary>/admin/regions over the demo company: 上海市 (上海 A), 浙江省 (杭州 B, 湖州 C→B on 2026-08-01, 宁波 B).</summary>
public sealed class RegionsPageTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void Tree_ShowsEachCityWithItsTierToday()
    {
        var cut = RenderPage();

        var chips = cut.FindAll("[data-testid=region-item]:has([data-testid=tier-chip])")
            .Select(i => $"{i.GetAttribute("data-region")} {i.QuerySelector("[data-testid=tier-chip]")!.TextContent.Trim()}");
        Assert.Equal(["上海 A", "杭州 B", "湖州 B", "宁波 B"], chips);
        Assert.Equal(["上海市", "上海", "浙江省", "杭州", "湖州", "宁波"], cut.FindAll("[data-testid=region-item]").Select(i => i.GetAttribute("data-region")));
    }

    [Fact]
    public void SelectingACity_ShowsItsTierHistory_NewestFirst()
    {
        var cut = RenderPage();

        Select(cut, "湖州");

        cut.WaitForAssertion(() => Assert.Equal("湖州", cut.Find("[data-testid=region-title]").TextContent.Trim()));
        var rows = cut.FindAll("[data-testid=tier-history] tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim())));
        Assert.Equal(["B 档 | 2026-08-01", "C 档 | 2020-01-01"], rows);
        Assert.Equal("B 档", cut.Find("[data-testid=tier-today]").TextContent.Trim());
        Assert.Equal(["林峰"], cut.FindAll("[data-testid=region-supervisors] a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public void TierChange_DatedBeforeTheLatest_IsRefusedBesideTheDate()
    {
        var cut = RenderPage();
        Select(cut, "湖州");
        cut.WaitForAssertion(() => Assert.Equal("湖州", cut.Find("[data-testid=region-title]").TextContent.Trim()));

        cut.Find("[data-testid=tier-select]").Closest(".mud-input-control")!.MouseDown();
        cut.FindAll(".mud-popover-open .mud-list-item").Single(e => e.TextContent.Trim() == "C 档").Click();
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=change-tier]").HasAttribute("disabled")));
        cut.Find("input[data-testid=tier-from]").Change("2026-08-01");
        cut.Find("[data-testid=change-tier]").Click();

        cut.WaitForAssertion(() =>
        {
            var helper = cut.Find("input[data-testid=tier-from]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!;
            Assert.Equal("The effective date must be after 2026-08-01, the date of the latest change.", helper.TextContent.Trim());
        });
        Assert.Equal(2, cut.FindAll("[data-testid=tier-history] tbody tr").Count);
    }

    private IRenderedComponent<ContainerFragment> RenderPage()
    {
        var cut = this.RenderPage<RegionsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=region-item]")));
        return cut;
    }

    private static void Select(IRenderedComponent<ContainerFragment> cut, string region) =>
        cut.Find($"[data-region={region}]").Closest(".mud-treeview-item-content")!.Click();
}
