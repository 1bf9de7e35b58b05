using System.Globalization;
using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>The desk exports the urgent tickets from the ticket center, watches the export finish on 我的导出 and opens the file.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ExportJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Agent_ExportsTheFilteredTickets_AndDownloadsTheFile() =>
        app.RunJourneyAsync("export-done", async page =>
    {
        await BrowserSession.LoginAsync(page, "agent");
        await BrowserSession.GotoInteractiveAsync(page, "tickets?urgency=Urgent");
        await page.ClickAsync("[data-testid=export-tickets]");
        var matching = page.Locator("[data-testid=export-matching]");
        await Expect(matching).ToHaveTextAsync(Matching());
        var count = int.Parse(Matching().Match(await matching.InnerTextAsync()).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        await AppServerFixture.ScreenshotAsync(page, "export-dialog");
        await page.ClickAsync("[data-testid=export-start]");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "导出已开始" })).ToBeVisibleAsync();

        // The outbox worker runs it within seconds; the page hears the progress and the end through the change feed.
        await page.GetByRole(AriaRole.Link, new() { Name = "我的导出" }).ClickAsync();
        await Expect(page.Locator("[data-testid=export-state]").First).ToHaveAttributeAsync("data-state", "Done", new() { Timeout = 60_000 });
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "导出已完成" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=export-rows]").First).ToHaveTextAsync($"共 {count:N0} 行");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=download-export]").First.ClickAsync());
        Assert.Matches(@"^工单导出-\d{8}-\d{4}\.xlsx$", download.SuggestedFilename);
        var file = Path.Combine(Path.GetTempPath(), $"scrm-journey-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        try
        {
            using var workbook = new XLWorkbook(file);
            var sheet = workbook.Worksheet("工单");
            Assert.Equal("工单号", sheet.Cell(1, 1).GetString());
            Assert.Contains("故障类型", sheet.Row(1).CellsUsed().Select(c => c.GetString()));
            Assert.Equal(count + 1, sheet.LastRowUsed().RowNumber());
            Assert.All(sheet.RowsUsed().Skip(1), r => Assert.Equal("紧急", r.Cell(6).GetString()));
        }
        finally
        {
            File.Delete(file);
        }
    });

    [GeneratedRegex(@"当前筛选共 ([\d,]+) 张工单")]
    private static partial Regex Matching();
}
