using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>Two agents edit one ticket at once: the second save is refused with a reload option, nothing is overwritten.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ConcurrencyJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task SecondEditor_IsToldSomeoneElseChangedTheTicket_AndCanReload() =>
        app.RunJourneyAsync("concurrent-edit", async second =>
    {
        var first = await app.NewPageAsync();
        await BrowserSession.LoginAsync(first, "agent");
        await BrowserSession.LoginAsync(second, "agent2");

        // Both open the same open ticket and start editing.
        await BrowserSession.GotoInteractiveAsync(first, "tickets?status=InProgress");
        await first.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row a").First.ClickAsync();
        await Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        var ticketUrl = first.Url;
        await BrowserSession.WaitInteractiveAsync(first);
        await BrowserSession.GotoInteractiveAsync(second, ticketUrl);
        await first.Locator("[data-testid=edit-ticket]").ClickAsync();
        await second.Locator("[data-testid=edit-ticket]").ClickAsync();

        // The first saves; the second's save is refused and their view offers the latest version.
        await first.Locator("[data-testid=ticket-title]").FillAsync("张敏先保存的标题");
        await first.Locator("[data-testid=save-ticket]").ClickAsync();
        await Expect(first.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync("张敏先保存的标题");
        await second.Locator("[data-testid=ticket-title]").FillAsync("陈静后保存的标题");
        await second.Locator("[data-testid=save-ticket]").ClickAsync();
        await Expect(second.Locator("[data-testid=concurrency-conflict]")).ToContainTextAsync("其他人已修改了此记录");

        await second.Locator("[data-testid=reload-ticket]").ClickAsync();
        await Expect(second.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync("张敏先保存的标题");
        await Expect(second.Locator("[data-testid=concurrency-conflict]")).ToHaveCountAsync(0);
        await first.Context.CloseAsync();
    });
}
