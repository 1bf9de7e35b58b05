using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Scrm.Tests.Web.Regions;
using Scrm.Web.Features.Assignment;
using Xunit;

namespace Scrm.Tests.Web.Assignment;

/// <summary>/admin/assignment over the demo company: the first template's rules in order, the dialog's refusals beside their fields.</summary>
public sealed class AssignmentPageTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void Lists_TheTemplatesRules_InTheOrderTheyAreTried()
    {
        var cut = this.RenderPage<AssignmentPage>();

        cut.WaitForAssertion(() => Assert.Equal(["空调安装 · 本区域空调师傅", "安装 · 本区域师傅"], Names(cut)));
        var first = cut.FindAll("[data-testid=assignment-table] tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "空调安装 · 本区域空调师傅", "On creation", "空调", "Every technician in the region", "Least open work"], first[..6]);
    }

    [Fact]
    public void MoveDown_SwapsTheFirstTwoRules()
    {
        var cut = this.RenderPage<AssignmentPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));

        cut.FindAll("[data-testid=rule-down]")[0].Click();

        cut.WaitForAssertion(() => Assert.Equal(["安装 · 本区域师傅", "空调安装 · 本区域空调师傅"], Names(cut)));
    }

    [Fact]
    public void NewRule_RefusedInput_IsShownBesideTheField_AndNothingIsAdded()
    {
        var cut = this.RenderPage<AssignmentPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Names(cut).Count));

        cut.Find("[data-testid=assignment-new]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=rule-save]"));
        cut.Find("[data-testid=rule-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Name is required.", HelperOf(cut, "rule-name-input")));

        cut.Find("input[data-testid=rule-name-input]").Input("轮流派单");
        Choose(cut, "rule-strategy", "Round-robin");
        cut.Find("[data-testid=rule-save]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Round-robin takes turns within a group: name at least one technician.", HelperOf(cut, "rule-group")));
        cut.Find("[data-testid=assignment-dialog]");
        Assert.Equal(2, Names(cut).Count);
    }

    private static string HelperOf(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!.TextContent.Trim();

    private static void Choose(IRenderedComponent<ContainerFragment> cut, string testId, string text)
    {
        cut.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open .mud-list-item").Single(e => e.TextContent.Trim() == text).Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-popover-open .mud-list-item")));
    }

    private static List<string> Names(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=rule-name]").Select(td => td.TextContent.Trim()).ToList();
}
