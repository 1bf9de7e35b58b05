using Microsoft.EntityFrameworkCore;
using ClosedXML.Excel;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Tests.Data.Settlements;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>Finance opens last month's statements, confirms 孙伟's and downloads it as Excel.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FinanceJourneyTests(AppServerFixture app)
{
    [Fact]
    public async Task Finance_ConfirmsLastMonthsStatement_AndDownloadsTheWorkbook()
    {
        // Last month's work, settled through the app's own services on its database, with a clock three days before this
        // month began (China time): a 杭州 repair by 孙伟 (自营, tier B), priced by the demo price book (B, 自营): 1 × ¥80.00 + 2.5 m × ¥18.00 = ¥125.00.
        // The demo's settled jobs leave 孙伟's ledger to the tests.
        var thisMonth = DateTime.UtcNow.AddHours(8);
        var firstOfMonth = new DateTime(thisMonth.Year, thisMonth.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var clock = new FakeTimeProvider(new DateTimeOffset(firstOfMonth.AddDays(-3).AddHours(2), TimeSpan.Zero));
        var month = firstOfMonth.AddDays(-3).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        string number;
        await using (var seed = await SettlementHost.AttachAsync(app.DatabaseFile, clock))
        {
            var id = await seed.StartedRepairAsync("杭州", "tech2");
            await seed.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
            await seed.RecordAsync(id, "tech2", PricedItemKind.Part, "PIPE-CU-6-10", 2.5m, "杭州仓");
            await seed.MoveAsync(id, TicketStatus.Resolved);
            number = await seed.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync(TestContext.Current.CancellationToken));
        }

        await app.RunJourneyAsync("finance-statement-confirmed", async page =>
        {
            await BrowserSession.LoginAsync(page, "finance");
            await BrowserSession.GotoInteractiveAsync(page, "finance/statements"); // last month unless the URL names one
            var row = page.Locator("[data-testid=statement-row][data-payee=孙伟]");
            await Expect(row.Locator("[data-testid=statement-state]")).ToHaveTextAsync("草稿");
            await Expect(row.Locator("[data-testid=statement-total]")).ToHaveTextAsync("¥125.00");

            await row.Locator("[data-testid=open-statement]").ClickAsync();
            await Expect(page.Locator("[data-testid=statement-line]")).ToHaveCountAsync(2);
            await row.Locator("[data-testid=confirm-statement]").ClickAsync();
            await Expect(page.Locator(".mud-dialog")).ToContainTextAsync($"确认 孙伟 {month} 的对账单：共 2 行，合计 ¥125.00");
            await AppServerFixture.ScreenshotAsync(page, "finance-statement-confirm-dialog");
            await page.Locator(".mud-dialog .mud-dialog-actions button", new() { HasText = "确认" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar", new() { HasText = "对账单已确认" })).ToBeVisibleAsync();
            await Expect(row.Locator("[data-testid=statement-state]")).ToHaveTextAsync("已确认");

            var download = await page.RunAndWaitForDownloadAsync(() => row.Locator("[data-testid=download-payee]").ClickAsync());
            Assert.Equal($"对账单-{month}-孙伟.xlsx", download.SuggestedFilename);
            var file = Path.Combine(Path.GetTempPath(), $"scrm-statement-{Guid.NewGuid():N}.xlsx");
            await download.SaveAsAsync(file);
            try
            {
                using var workbook = new XLWorkbook(file);
                var summary = workbook.Worksheet("汇总");
                Assert.Equal(("孙伟", "自营", 2, 125.00m, "已确认"), (summary.Cell(2, 1).GetString(), summary.Cell(2, 2).GetString(),
                    summary.Cell(2, 3).GetValue<int>(), summary.Cell(2, 4).GetValue<decimal>(), summary.Cell(2, 5).GetString()));
                var lines = workbook.Worksheet("明细");
                Assert.Equal([80.00m, 45.00m], [lines.Cell(2, 6).GetValue<decimal>(), lines.Cell(3, 6).GetValue<decimal>()]);
                Assert.Equal(("SUM(F2:F3)", 125.00m), (lines.Cell(4, 6).FormulaA1, lines.Cell(4, 6).GetValue<decimal>()));
            }
            finally
            {
                File.Delete(file);
            }

            // The same month reconciles, and the settlement is in 已入账 with its lines and ledger rows.
            await BrowserSession.GotoInteractiveAsync(page, $"finance/reconciliation?month={month}");
            await Expect(page.Locator("[data-testid=reconciled]")).ToBeVisibleAsync();
            await AppServerFixture.ScreenshotAsync(page, "finance-reconciliation");
            await BrowserSession.GotoInteractiveAsync(page, "finance/settlements?tab=posted");
            await page.Locator("[data-testid=posted-row]", new() { HasText = number }).ClickAsync();
            await Expect(page.Locator("[data-testid=ledger-entry]")).ToHaveCountAsync(2);
        });
    }
}
