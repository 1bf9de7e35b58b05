using Microsoft.Playwright;
using Scrm.Domain.Common;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>
/// Maker-checker on the demo's waiting draft (version 2, drafted by 王磊): he changes a price and brings the date to today,
/// cannot approve his own change; 郑丽 (finance) sees it waiting, reads the simulation and approves it, and it is in force.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PriceBookJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_DraftsAChange_CannotApproveIt_FinanceReadsTheSimulation_AndApproves() =>
        app.RunJourneyAsync("price-book-approval", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/prices");
        await page.ClickAsync("[data-testid=versions] a:has-text('第 2 版')");
        await Expect(page.Locator("[data-testid=price-matrix]")).ToBeVisibleAsync();

        // A bad amount is refused at the cell; a good one is saved.
        await page.FillAsync("input[data-testid=matrix-search]", "AC-REPAIR");
        var cell = page.Locator("[data-testid=matrix-row][data-code=AC-REPAIR] [data-testid=price-cell]").First;
        await cell.Locator(".scrm-pm-value").ClickAsync();
        await cell.Locator("input[data-testid=settle-input]").FillAsync("八十");
        await cell.Locator("[data-testid=save-cell]").ClickAsync();
        await Expect(cell.Locator("[data-testid=cell-error]")).ToContainTextAsync("不是金额");
        await cell.Locator("input[data-testid=settle-input]").FillAsync("¥100.50");
        await cell.Locator("[data-testid=save-cell]").ClickAsync();
        await Expect(cell.Locator(".scrm-pm-settle")).ToHaveTextAsync("¥100.50");

        // Effective today, so that approving puts it in force.
        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var date = page.Locator("[data-testid=effective-from] input");
        await date.FillAsync(today);
        await date.PressAsync("Tab");
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("生效日期已修改");

        await page.ClickAsync("[data-testid=approve]");
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "审批通过" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("起草人不能自己审批");
        await AppServerFixture.ScreenshotAsync(page, "price-book-own-approval-refused");

        // Finance sees the draft waiting, reads the simulation and approves.
        await page.Context.ClearCookiesAsync();
        await BrowserSession.LoginAsync(page, "finance");
        await BrowserSession.GotoInteractiveAsync(page, "admin/prices");
        await Expect(page.Locator("[data-testid=awaiting-banner]")).ToContainTextAsync("第 2 版草稿（王磊 起草");
        await page.Locator("[data-testid=awaiting-banner] a").ClickAsync();
        await Expect(page.Locator("[data-testid=simulation]")).ToContainTextAsync("调价模拟");
        await Expect(page.Locator("[data-testid=approve]")).ToBeEnabledAsync();
        await AppServerFixture.ScreenshotAsync(page, "price-book-finance-review");
        await page.ClickAsync("[data-testid=approve]");
        await page.Locator(".mud-dialog .mud-button-root").Filter(new() { HasText = "审批通过" }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Last).ToContainTextAsync("第 2 版已发布");
        await Expect(page.Locator("[data-testid=in-force-chip]")).ToBeVisibleAsync();

        await BrowserSession.GotoInteractiveAsync(page, "admin/prices");
        var inForce = page.Locator("[data-testid=versions] tr.scrm-row-highlight");
        await Expect(inForce).ToHaveCountAsync(1);
        await Expect(inForce).ToContainTextAsync("第 2 版");
        await Expect(inForce).ToContainTextAsync("郑丽");
        await Expect(page.Locator("[data-testid=awaiting-banner]")).ToHaveCountAsync(0);
    });
}
