using Microsoft.Playwright;
using Scrm.Tests.Data.Catalog;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>An admin imports a parts file with mistakes, reads the report, fixes the file and imports it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogJourneyTests(AppServerFixture app)
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public Task Admin_ImportsAPartsFileWithAMistake_SeesTheReport_FixesIt_AndTheItemsAppear() =>
        app.RunJourneyAsync("catalog-import", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/catalog/parts");
        await Expect(page.Locator("[data-testid=catalog-grid] tbody tr.mud-table-row").First).ToBeVisibleAsync();

        // The template downloads with the Chinese headers.
        await page.ClickAsync("[data-testid=import]");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=download-template]"));
        Assert.Equal("备件导入模板.xlsx", download.SuggestedFilename);

        // Row 3 has text in the threshold; row 4 repeats row 2's code.
        await ChooseAsync(page, XlsxFile.Parts(
            ["E2E-VALVE", "截止阀 E2E", "个", 10m, null],
            ["E2E-TAPE", "保温胶带 E2E", "卷", "十", null],
            ["e2e-valve", "截止阀 重复", "个", 10m, null]));

        var problems = page.Locator("[data-testid=import-problem]");
        await Expect(problems).ToHaveCountAsync(2);
        await Expect(problems.Nth(0).Locator("td")).ToHaveTextAsync(["3", "低库存阈值 (D)", "十", "此单元格须为数字，如 20 或 2.5，不要带单位或其他文字。"]);
        await Expect(problems.Nth(1)).ToContainTextAsync("编码 E2E-VALVE 与第 2 行重复");
        await Expect(page.Locator("[data-testid=import-refused]")).ToContainTextAsync("未导入任何内容：有 2 处需要修改。");
        await AppServerFixture.ScreenshotAsync(page, "catalog-import-report");

        // Fixed: the threshold is a number and the duplicate row is gone.
        await ChooseAsync(page, XlsxFile.Parts(
            ["E2E-VALVE", "截止阀 E2E", "个", 10m, null],
            ["E2E-TAPE", "保温胶带 E2E", "卷", 5m, null]));

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("导入完成：新增 2 项，更新 0 项。");
        await Expect(page.Locator("[data-testid=import-dialog]")).ToHaveCountAsync(0);
        await page.FillAsync("input[data-testid=catalog-search]", "E2E");
        var rows = page.Locator("[data-testid=catalog-grid] tbody tr.mud-table-row");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("E2E-TAPE");
        await Expect(rows.Nth(1)).ToContainTextAsync("截止阀 E2E");
    });

    // After a pick, MudFileUpload keeps that input (hidden) and adds a fresh one for the next: the last is live.
    private static Task ChooseAsync(IPage page, byte[] file) =>
        page.Locator("[data-testid=import-dialog] input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = "备件.xlsx", MimeType = XlsxType, Buffer = file });
}
