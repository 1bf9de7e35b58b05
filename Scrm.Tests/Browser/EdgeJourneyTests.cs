using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>Hand-edited addresses and the roles without desk pages: every one lands on a page that works.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EdgeJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task GarbageInTheAddressBar_ShowsTheApp_AndTheSessionLives() =>
        app.RunJourneyAsync("garbage-urls", async page =>
    {
        (string Url, string Shows)[] visits =
        [
            ("tickets?region=abc", "[data-testid=ticket-grid] tbody tr.mud-table-row"),
            ("tickets?region=99999999999999999999&template=abc", "[data-testid=ticket-grid] tbody tr.mud-table-row"),
            ("tickets?status=Nope&urgency=1&from=2026-13-45&to=9999-12-31", "[data-testid=ticket-grid] tbody tr.mud-table-row"),
            ("tickets?page=-1&pageSize=999999999", "[data-testid=ticket-grid] tbody tr.mud-table-row"),
            ("tickets/new?template=abc", "[data-testid=template-picker]"),
            ("tickets/new?template=99999999999999999999", "[data-testid=template-picker]"),
            ("tickets/abc", "[data-testid=empty-state]"),
            ("tickets/0", "[data-testid=empty-state]"),
            ("tickets/99999999999999999999", "[data-testid=empty-state]"),
            ("boards/abc", "[data-testid=empty-state]"),
            ("boards/99999999999999999999", "[data-testid=empty-state]"),
            ("boards/mine?urgency=Nope&sla=1&lanes=zzz&region=abc&customer=-5&assignee=%3Cscript%3E&q=%27%22%3C", "[data-testid=board]"),
        ];
        await BrowserSession.LoginAsync(page, "agent");

        foreach (var (url, shows) in visits)
        {
            var response = await page.GotoAsync(url);
            Assert.True(response!.Ok, $"{url} answered {response.Status}");
            await BrowserSession.WaitInteractiveAsync(page);
            await Expect(page.Locator(shows).First).ToBeVisibleAsync();
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        }

        // Still the same live session: the filter bar works after all that.
        await BrowserSession.GotoInteractiveAsync(page, "tickets");
        await page.Locator("[data-testid=filter-urgency] [data-urgency=Urgent]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("urgency=Urgent"));
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    });

    [Fact]
    public Task Customer_SignsInToTheirOwnTickets_ReadOnly_AndCannotOpenAnotherCustomers() =>
        app.RunJourneyAsync("customer-home", async page =>
    {
        await BrowserSession.LoginAsync(page, "customer");
        await BrowserSession.WaitInteractiveAsync(page);

        await Expect(page.Locator("h1")).ToHaveTextAsync("我的工单");
        var rows = page.Locator("[data-testid=workbench-row]");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(page.GetByText("你没有权限访问此页面")).ToHaveCountAsync(0);
        await rows.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=ticket-details]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=edit-ticket]")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-testid=ticket-actions] button")).ToHaveCountAsync(0);
        await Expect(page.Locator(".mud-tab", new() { HasText = "动态" })).ToHaveCountAsync(0);

        await BrowserSession.GotoInteractiveAsync(page, $"tickets/{await AnotherCustomersTicketAsync()}");
        await Expect(page.Locator("[data-testid=empty-state]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Finance_SeesWhatWaitsForThem_NotCountsOfTicketsTheyCannotOpen() =>
        app.RunJourneyAsync("finance-home", async page =>
    {
        await BrowserSession.LoginAsync(page, "finance");
        await BrowserSession.WaitInteractiveAsync(page);

        var cards = page.Locator("[data-testid=finance-workbench] .scrm-kpi");
        await Expect(cards).ToHaveCountAsync(3);
        await Expect(cards.Nth(0)).ToContainTextAsync("待处理的挂起结算");
        await Expect(cards.Nth(2)).ToContainTextAsync("待您审批的价格调整");
        await Expect(cards.Nth(2).Locator("a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^admin/prices"));
        await Expect(page.Locator("[data-testid=workbench-row]")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Technician_HomeLinksOnlyToPagesTheyMayOpen() =>
        app.RunJourneyAsync("technician-home", async page =>
    {
        // Signing in lands a technician on their phone page; "/" is still their home page with its counts.
        await BrowserSession.LoginAsync(page, "tech1");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/jobs$"));
        await BrowserSession.GotoInteractiveAsync(page, "");

        await Expect(page.Locator(".scrm-kpi").First).ToBeVisibleAsync();
        await Expect(page.Locator(".scrm-kpi a")).ToHaveCountAsync(0);
        var row = page.Locator("[data-testid=workbench-row]").First;
        await Expect(row).ToBeVisibleAsync();
        await row.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToBeVisibleAsync();
        await Expect(page.GetByText("你没有权限访问此页面")).ToHaveCountAsync(0);
    });

    private async Task<long> AnotherCustomersTicketAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile}");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.Id FROM Tickets t JOIN Customers c ON c.Id = t.CustomerId
            WHERE c.Name <> '钱建国' ORDER BY t.Id LIMIT 1
            """;
        return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException("The demo company has no tickets."));
    }
}
