using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>An admin sets an SLA policy and the working calendar; the desk sees the clocks in the ticket center and on a ticket.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SlaJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_SetsAPolicyAndTheCalendar_AndTheDeskSeesTheClocks() =>
        app.RunJourneyAsync("sla-ticket", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/sla");

        // 维修工单 · 常规: 2 hours to the first response, 16 to the resolution; escalate to the region's supervisors after 1 hour.
        await page.ClickAsync("[data-testid=new-policy]");
        await PickAsync(page, "policy-template", "维修工单");
        await page.FillAsync("input[data-testid=policy-first-response-amount]", "2");
        await page.FillAsync("input[data-testid=policy-resolution-amount]", "16");
        await page.ClickAsync("[data-testid=add-level]");
        await page.ClickAsync("[data-testid=add-level]");
        await page.ClickAsync("[data-testid=save-policy]");
        var row = page.Locator("[data-testid=policy-row][data-policy='维修工单/Normal']");
        await Expect(row.Locator("[data-testid=policy-resolution]")).ToHaveTextAsync("16 小时");
        await Expect(row.Locator("[data-testid=policy-level]")).ToHaveTextAsync(["1. 首次响应已用 1 小时 → 通知区域主管", "2. 首次响应已用 2 小时 → 通知区域总监"]);
        await AppServerFixture.ScreenshotAsync(page, "sla-policies");

        // The calendar: a holiday with its make-up working day, previewed in words before saving.
        await page.Locator(".mud-tab").GetByText("工作日历", new() { Exact = true }).ClickAsync();
        await page.ClickAsync("[data-testid=add-holiday]");
        await page.FillAsync("input[data-testid=holiday-name]", "国庆节");
        await page.FillAsync("input[data-testid=holiday-from]", "2026-10-01");
        await page.FillAsync("input[data-testid=holiday-to]", "2026-10-07");
        await page.ClickAsync("[data-testid=add-make-up-day]");
        await page.FillAsync("input[data-testid=make-up-date]", "2026-09-20");
        await page.FillAsync("input[data-testid=make-up-name]", "国庆节调休");
        await Expect(page.Locator("[data-testid=preview-line]")).ToHaveTextAsync(["2026-09-20（周日）国庆节调休 调休上班 09:00–18:00", "2026-10-01 至 10-07 国庆节 放假 7 天"]);
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

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        var control = page.Locator($".mud-input-control:has([data-testid={testId}])");
        await control.Locator("[role=combobox]").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Expect(control).ToContainTextAsync(option);
    }
}
