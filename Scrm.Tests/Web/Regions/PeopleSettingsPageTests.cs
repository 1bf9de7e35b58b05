using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Scrm.Web.Features.Regions;
using Xunit;

namespace Scrm.Tests.Web.Regions;

/// <summary>/admin/people-settings: the tier list, partner types (自营, 加盟, 第三方) and skill tags.</summary>
public sealed class PeopleSettingsPageTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void PartnerType_IsAdded_AndADuplicateIsRefusedBesideTheName()
    {
        var cut = this.RenderPage<PeopleSettingsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".mud-tab")));
        cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Partner types").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=partner-types-table]")));

        Add(cut, "合伙人");

        cut.WaitForAssertion(() => Assert.Equal(["自营", "加盟", "第三方", "合伙人"], Names(cut)));
        Assert.Contains("Added 合伙人.", cut.Markup);

        Add(cut, "加盟");

        cut.WaitForAssertion(() =>
        {
            var helper = cut.Find("input[data-testid=partner-types-new-name]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!;
            Assert.Equal("There is already a partner type named 加盟.", helper.TextContent.Trim());
        });
        Assert.Equal(["自营", "加盟", "第三方", "合伙人"], Names(cut));
    }

    private static void Add(IRenderedComponent<ContainerFragment> cut, string name)
    {
        cut.Find("input[data-testid=partner-types-new-name]").Input(name);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=partner-types-add-button]").HasAttribute("disabled")));
        cut.Find("[data-testid=partner-types-add-button]").Click();
    }

    private static IEnumerable<string> Names(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=partner-types-table] tbody tr").Select(r => r.QuerySelectorAll("td")[0].TextContent.Trim());
}
