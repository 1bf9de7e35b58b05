using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>User journeys in Chromium against the running app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Agent_CreatesTicketWithCustomFields_FindsItBySearch_AndReadsItInChineseThenEnglish() =>
        app.RunJourneyAsync("agent-ticket-journey", async page =>
    {
        var title = $"E2E 空调安装 {Guid.NewGuid().ToString("N")[..6]}";

        await BrowserSession.LoginAsync(page, "agent");
        await BrowserSession.GotoInteractiveAsync(page, "tickets/new");
        await page.Locator("[data-testid=template-picker] [data-template=安装工单]").ClickAsync();
        await page.Locator("[data-testid=ticket-title]").FillAsync(title);
        await BrowserSession.SelectAsync(page, "[data-field=product_type]", "空调");
        await page.Locator("[data-field=address] textarea").First.FillAsync("上海市静安区南京西路 1266 号");
        await page.Locator("[data-field=contact_phone] input").FillAsync("13800138000");

        // 智能必填: ticking 高空作业 makes 额外费用 required, live.
        await Expect(page.Locator("[data-field=extra_fee]")).ToHaveAttributeAsync("data-required", "false");
        await page.Locator("[data-field=high_altitude] input[type=checkbox]").CheckAsync();
        await Expect(page.Locator("[data-field=extra_fee]")).ToHaveAttributeAsync("data-required", "true");

        // Submitting without it is refused beside the field; nothing is created.
        await page.Locator("[data-testid=submit-ticket]").ClickAsync();
        await Expect(page.Locator("[data-field=extra_fee]")).ToContainTextAsync("请填写额外费用");
        await page.Locator("[data-field=extra_fee] input").FillAsync("280");
        await Expect(page.Locator("[data-field=extra_fee]")).Not.ToContainTextAsync("请填写额外费用");
        await page.Locator("[data-testid=submit-ticket]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        var number = await page.Locator("[data-testid=ticket-number]").InnerTextAsync();
        Assert.Matches(@"^GD\d{8}-\d{4}$", number);

        // Find it by search in the ticket center and open it.
        await BrowserSession.GotoInteractiveAsync(page, "tickets");
        await page.Locator("[data-testid=ticket-search]").FillAsync(title);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q="));
        var row = page.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row", new() { HasText = title });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row")).ToHaveCountAsync(1);
        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync(title);
        await Expect(page.Locator("[data-testid=ticket-details] [data-field=extra_fee]")).ToHaveTextAsync("¥280.00");
        await Expect(page.Locator(".mud-tab", new() { HasText = "详情" })).ToBeVisibleAsync();

        // Switch to English: remembered, and the same ticket reads in English.
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=language-menu] button").ClickAsync();
        await page.Locator("[data-testid=lang-en]").ClickAsync();
        await Expect(page.Locator(".mud-tab", new() { HasText = "Details" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync(title);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // The choice is remembered on the user's profile: after signing out and in again the app is still English.
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=user-menu] button").First.ClickAsync();
        await page.Locator("[data-testid=logout]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.Context.ClearCookiesAsync();
        await BrowserSession.LoginAsync(page, "agent");
        await Expect(page.Locator(".mud-nav-link", new() { HasText = "Ticket center" })).ToBeVisibleAsync();

        // The browser journeys share the app's database: the agent goes back to Chinese for the others.
        await BrowserSession.WaitInteractiveAsync(page);
        await page.Locator("[data-testid=language-menu] button").ClickAsync();
        await page.Locator("[data-testid=lang-zh-CN]").ClickAsync();
        await Expect(page.Locator(".mud-nav-link", new() { HasText = "工单中心" })).ToBeVisibleAsync();
    });

    [Fact]
    public Task Technician_IsDeniedTheAdminAndDeskPages() =>
        app.RunJourneyAsync("technician-denied", async page =>
    {
        await BrowserSession.LoginAsync(page, "tech1");
        await BrowserSession.GotoInteractiveAsync(page, "");
        await Expect(page.Locator(".mud-nav-link", new() { HasText = "工单模板" })).ToHaveCountAsync(0);

        await page.GotoAsync("admin/templates");
        await Expect(page.GetByText("你没有权限访问此页面")).ToBeVisibleAsync();
        await page.GotoAsync("tickets");
        await Expect(page.GetByText("你没有权限访问此页面")).ToBeVisibleAsync();
    });
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "Browser";
}
