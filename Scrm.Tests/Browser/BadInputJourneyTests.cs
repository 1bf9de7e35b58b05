using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>Bad input typed into a real form is refused in the user's language and never costs stored data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BadInputJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task AnInvalidPurchaseDate_OnEdit_IsRefusedInChinese_AndTheStoredDateSurvives() =>
        app.RunJourneyAsync("bad-date-journey", async page =>
    {
        var title = $"E2E 购买日期 {Guid.NewGuid().ToString("N")[..6]}";
        var purchaseDate = page.Locator("[data-field=purchase_date] input");
        var storedDate = page.Locator("[data-testid=ticket-details] [data-field=purchase_date]");

        // A new 安装工单 whose purchase date is typed the Chinese way. Another journey switches "agent" to English: this one uses agent2.
        await BrowserSession.LoginAsync(page, "agent2");
        await BrowserSession.GotoInteractiveAsync(page, "tickets/new");
        await page.Locator("[data-testid=template-picker] [data-template=安装工单]").ClickAsync();
        await page.Locator("[data-testid=ticket-title]").FillAsync(title);
        await BrowserSession.SelectAsync(page, "[data-field=product_type]", "空调");
        await page.Locator("[data-field=address] textarea").First.FillAsync("上海市静安区南京西路 1266 号");
        await page.Locator("[data-field=contact_phone] input").FillAsync("13800138000");
        await purchaseDate.FillAsync("2026年12月25日");
        await page.Locator("[data-testid=submit-ticket]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        await Expect(storedDate).ToHaveTextAsync("2026-12-25");

        // The reported case: a date that does not exist is refused beside the field, in Chinese, and nothing is saved.
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=edit-ticket]").ClickAsync();
        await purchaseDate.FillAsync("2027/02/30");
        await Expect(page.Locator("[data-field=purchase_date]")).ToContainTextAsync("购买日期须为日期，如 2026-12-25。");
        await page.Locator("[data-testid=save-ticket]").ClickAsync();
        await Expect(page.Locator("[data-testid=form-error]")).ToHaveTextAsync("请修改标红的字段。");
        await Expect(page.Locator("[data-field=purchase_date]")).ToContainTextAsync("购买日期须为日期，如 2026-12-25。");
        await Expect(page.GetByText("Not a valid date time")).ToHaveCountAsync(0);
        await Expect(purchaseDate).ToHaveValueAsync("2027/02/30");

        // Reloaded from the server, the stored date is still there.
        await page.ReloadAsync();
        await BrowserSession.WaitInteractiveAsync(page);
        await Expect(storedDate).ToHaveTextAsync("2026-12-25");

        // The form the user meant, 2027/01/15, is read and saved as that day.
        await page.Locator("[data-testid=edit-ticket]").ClickAsync();
        await purchaseDate.FillAsync("2027/01/15");
        await page.Locator("[data-testid=save-ticket]").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("工单已保存。");
        await Expect(storedDate).ToHaveTextAsync("2027-01-15");
    });
}
