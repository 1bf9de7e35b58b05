using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Tests.Data.Catalog;
using Scrm.Tests.Web.Regions;
using Scrm.Web.Features.Catalog;
using Xunit;

namespace Scrm.Tests.Web.Catalog;

/// <summary>/admin/catalog/* over the demo company, as the demo admin, in English (the neutral resources).</summary>
public sealed class CatalogPagesTests : ScrmComponentTest
{
    protected override string UserName => "admin";

    [Fact]
    public void PartsPage_ShowsStockPerWarehouse_AndMarksTheLowRows()
    {
        var cut = this.RenderPage<SparePartsPage>();

        cut.WaitForAssertion(() => Assert.Equal(16, Rows(cut).Count));
        var r32 = Row(cut, "GAS-R32");
        Assert.Equal(["36.5", "6.7", "12"], r32.QuerySelectorAll("[data-testid=stock]").Select(s => s.TextContent.Trim()));
        Assert.Contains("scrm-row-low", r32.ClassName, StringComparison.Ordinal);
        Assert.Contains("mud-error-text", r32.QuerySelector("[data-warehouse=上海仓]")!.ClassName, StringComparison.Ordinal);
        Assert.DoesNotContain("scrm-row-low", Row(cut, "DRAIN-HOSE").ClassName ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void PartsPage_WithLowInTheUrl_ListsOnlyTheLowParts()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/catalog/parts?low=true");

        var cut = this.RenderPage<SparePartsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["CAP-2UF", "GAS-R32", "PIPE-CU-6-10", "WM-BELT"], Rows(cut).Select(Code)));
    }

    [Fact]
    public void Import_OfAFileWithProblems_ShowsRowColumnValueAndFix_AndImportsNothing()
    {
        var cut = this.RenderPage<SparePartsPage>();
        cut.WaitForAssertion(() => Assert.Equal(16, Rows(cut).Count));
        cut.Find("[data-testid=import]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-dialog]"));

        Upload(cut, "parts.xlsx", XlsxFile.Parts(["BUNIT-1", "测试备件", "个", "abc", null], ["BUNIT-1", "重复", "个", 1m, null]));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=import-problem]").Count));
        var problems = cut.FindAll("[data-testid=import-problem]").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2", "低库存阈值 (D)", "abc", "This cell needs a number, such as 20 or 2.5, without units or other text."], problems[0]);
        Assert.Equal(["3", "编码 (A)", "BUNIT-1", "The code BUNIT-1 is also on row 2: each item appears once in a file."], problems[1]);
        Assert.Contains("Nothing was imported: 2 problem(s) to fix.", cut.Find("[data-testid=import-refused]").TextContent, StringComparison.Ordinal);
        Assert.Equal(16, Rows(cut).Count);
    }

    [Fact]
    public void Import_OfACleanFile_ClosesWithTheCounts_AndTheNewPartIsListed()
    {
        var cut = this.RenderPage<SparePartsPage>();
        cut.WaitForAssertion(() => Assert.Equal(16, Rows(cut).Count));
        cut.Find("[data-testid=import]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-dialog]"));

        Upload(cut, "parts.xlsx", XlsxFile.Parts(["BUNIT-2", "测试备件", "个", 3m, null], ["WM-BELT", "洗衣机皮带", "条", 6m, null]));

        cut.WaitForAssertion(() => Assert.Contains("Import done: 1 added, 1 updated.", cut.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=import-dialog]")));
        cut.WaitForAssertion(() => Assert.Contains("BUNIT-2", Rows(cut).Select(Code)));
    }

    [Fact]
    public void Import_OfAnotherFileRenamedXlsx_SaysSo()
    {
        var cut = this.RenderPage<ServiceItemsPage>();
        cut.Find("[data-testid=import]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=import-dialog]"));

        Upload(cut, "photo.xlsx", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);

        cut.WaitForAssertion(() => Assert.Contains("This is not an Excel .xlsx workbook", cut.Find("[data-testid=problem-fix]").TextContent, StringComparison.Ordinal));
        Assert.Equal("File", cut.Find("[data-testid=problem-row]").TextContent.Trim());
    }

    private static void Upload(IRenderedComponent<ContainerFragment> cut, string name, byte[] content) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(content, name,
            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private static List<AngleSharp.Dom.IElement> Rows(IRenderedComponent<ContainerFragment> cut) =>
        cut.FindAll("[data-testid=catalog-grid] tbody tr.mud-table-row").ToList();

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<ContainerFragment> cut, string code) => Rows(cut).Single(r => Code(r) == code);

    private static string Code(AngleSharp.Dom.IElement row) => row.QuerySelector("td")!.TextContent.Trim();
}
