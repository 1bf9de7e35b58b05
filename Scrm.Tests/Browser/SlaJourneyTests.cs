using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>An admin changes an SLA policy and the working calendar; the desk sees the clocks in the ticket center and on a ticket.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_ChangesAPolicyAndTheCalendar_AndTheDeskSeesTheClocks() =>
        app.RunJourneyAsync("sla-ticket", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/sla");

        // The demo company's 维修工单 · 常规 policy: the admin shortens the resolution from 45 to 16 working hours.
        var row = page.Locator("[data-testid=policy-row][data-policy='维修工单/Normal']");
        await Expect(row.Locator("[data-testid=policy-resolution]")).ToHaveTextAsync("45 小时");
        await row.Locator("[data-testid=edit-policy]").ClickAsync();
        await page.FillAsync("input[data-testid=policy-resolution-amount]", "16");
        await page.ClickAsync("[data-testid=save-policy]");
        await Expect(row.Locator("[data-testid=policy-resolution]")).ToHaveTextAsync("16 小时");
        await Expect(row.Locator("[data-testid=policy-level]")).ToHaveTextAsync(["1. 首次响应已用 1 小时 → 通知区域主管", "2. 首次响应已用 3 小时 → 通知区域总监"]);
        await AppServerFixture.ScreenshotAsync(page, "sla-policies");

        // The calendar already holds 2026's public holidays; the company adds a day off of its own, previewed before saving.
        await page.Locator(".mud-tab").GetByText("工作日历", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-testid=preview-line]", new() { HasText = "国庆节" }).First).ToBeVisibleAsync();
        await Expect(page.Locator("input[data-testid=holiday-name]")).ToHaveCountAsync(7);
        await page.ClickAsync("[data-testid=add-holiday]");
        await Expect(page.Locator("input[data-testid=holiday-name]")).ToHaveCountAsync(8); // the new, empty row at the end
        await page.Locator("input[data-testid=holiday-name]").Last.FillAsync("公司团建");
        await page.Locator("input[data-testid=holiday-from]").Last.FillAsync("2026-12-25");
        await page.Locator("input[data-testid=holiday-to]").Last.FillAsync("2026-12-25");
        await Expect(page.Locator("[data-testid=preview-line]", new() { HasText = "公司团建" })).ToContainTextAsync("放假 1 天");
        await page.ClickAsync("[data-testid=save-calendar]");
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "工作日历已保存" })).ToBeVisibleAsync();
        await AppServerFixture.ScreenshotAsync(page, "sla-calendar");

        // The desk: a repair ticket's row carries its SLA; its page counts down.
        await BrowserSession.GotoInteractiveAsync(page, "tickets?urgency=Normal");
        var withSla = page.Locator("[data-testid=ticket-grid] tbody tr:has([data-testid=sla-badge])");
        await Expect(withSla.First).ToBeVisibleAsync();
        await AppServerFixture.ScreenshotAsync(page, "sla-ticket-center");
        await withSla.First.Locator("a").First.ClickAsync();
        await Expect(page.Locator("[data-testid=sla-panel] [data-testid=sla-target]").First).ToBeVisibleAsync();
    });
}
