using Bunit;
using Bunit.Rendering;
using Scrm.Tests.Web.Regions;
using Scrm.Web.Features.Catalog;
using Xunit;

namespace Scrm.Tests.Web.Catalog;

/// <summary>The add / edit dialogs refuse bad input beside the field it concerns, and save nothing.</summary>
public sealed class CatalogDialogTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void NewService_WithNothingFilledIn_SaysTheCodeIsRequired_BesideIt()
    {
        var cut = OpenNew<ServiceItemsPage>();

        cut.Find("[data-testid=save-item]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Code is required.", HelperOf(cut, "item-code")));
    }

    [Fact]
    public void NewService_WithACodeOutsideTheAlphabet_ExplainsTheCodeRule_BesideIt()
    {
        var cut = OpenNew<ServiceItemsPage>();

        cut.Find("input[data-testid=item-code]").Input("空调 安装");
        cut.Find("input[data-testid=item-name]").Input("空调安装");
        cut.Find("input[data-testid=item-category]").Input("空调");
        cut.Find("input[data-testid=item-unit]").Input("台");
        cut.Find("[data-testid=save-item]").Click();

        cut.WaitForAssertion(() => Assert.Equal("A code uses only letters A–Z, digits and hyphens (-), such as AC-INSTALL-1P.", HelperOf(cut, "item-code")));
        Assert.NotEmpty(cut.FindAll("[data-testid=service-dialog]"));
    }

    [Fact]
    public void NewService_WithACodeInUse_SaysSo_BesideTheCode()
    {
        var cut = OpenNew<ServiceItemsPage>();

        cut.Find("input[data-testid=item-code]").Input("ac-move");
        cut.Find("input[data-testid=item-name]").Input("空调移机（新）");
        cut.Find("input[data-testid=item-category]").Input("空调");
        cut.Find("input[data-testid=item-unit]").Input("台");
        cut.Find("[data-testid=save-item]").Click();

        cut.WaitForAssertion(() => Assert.Equal("The code AC-MOVE is already in use; pick another or edit that item.", HelperOf(cut, "item-code")));
    }

    [Theory]
    [InlineData("abc", "Type a number, such as 20 or 2.5.")]
    [InlineData("1.234", "A quantity has at most two decimals, such as 2.5 or 0.75.")]
    [InlineData("-3", "The quantity cannot be negative.")]
    public void NewPart_WithABadThreshold_SaysWhy_BesideTheThreshold(string threshold, string message)
    {
        var cut = OpenNew<SparePartsPage>();

        cut.Find("input[data-testid=item-code]").Input("NEW-PART");
        cut.Find("input[data-testid=item-name]").Input("新备件");
        cut.Find("input[data-testid=item-unit]").Input("个");
        cut.Find("input[data-testid=item-threshold]").Input(threshold);
        cut.Find("[data-testid=save-item]").Click();

        cut.WaitForAssertion(() => Assert.Equal(message, HelperOf(cut, "item-threshold")));
        Assert.Equal("", HelperOf(cut, "item-code").Replace("Letters, digits and -, e.g. AC-INSTALL-1P. Cannot change later.", "", StringComparison.Ordinal));
    }

    [Fact]
    public void NewPart_WithFullWidthDigits_IsSaved_AndListed()
    {
        var cut = OpenNew<SparePartsPage>();

        cut.Find("input[data-testid=item-code]").Input("fw-1");
        cut.Find("input[data-testid=item-name]").Input("全角阈值");
        cut.Find("input[data-testid=item-unit]").Input("个");
        cut.Find("input[data-testid=item-threshold]").Input("１２．５");
        cut.Find("[data-testid=save-item]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=part-dialog]")));
        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("[data-testid=catalog-grid] tbody tr.mud-table-row").Single(r => r.QuerySelector("td")!.TextContent.Trim() == "FW-1");
            Assert.Contains("12.5", row.TextContent, StringComparison.Ordinal);
        });
    }

    private IRenderedComponent<ContainerFragment> OpenNew<TPage>() where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        var cut = this.RenderPage<TPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=catalog-grid] tbody tr.mud-table-row")));
        cut.Find("[data-testid=new-item]").Click();
        cut.WaitForAssertion(() => cut.Find("input[data-testid=item-code]"));
        return cut;
    }

    private static string HelperOf(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";
}
