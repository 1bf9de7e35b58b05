using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>Two agents on one ticket: what the one commits reaches the other's open page without a refresh.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LiveTicketJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Watcher_SeesCommentsLive_AndIsOfferedAReloadWhenTheTicketChanges() =>
        app.RunJourneyAsync("live-ticket", async watcher =>
    {
        var editor = await app.NewPageAsync();
        try
        {
            await WatchAsync(watcher, editor);
        }
        catch
        {
            await AppServerFixture.ScreenshotAsync(editor, "live-ticket-editor-failed");
            throw;
        }
    });

    private static async Task WatchAsync(IPage watcher, IPage editor)
    {
        await BrowserSession.LoginAsync(editor, "agent");
        await BrowserSession.LoginAsync(watcher, "agent2");

        // Both open the ticket by its address: the ticket center refreshes live, so a click there can race a refresh.
        await BrowserSession.GotoInteractiveAsync(editor, "tickets?status=InProgress");
        var ticketUrl = await editor.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row a").Nth(1).GetAttributeAsync("href");
        Assert.Matches(TicketUrl(), ticketUrl!);
        await BrowserSession.GotoInteractiveAsync(editor, ticketUrl!);
        await Expect(editor.Locator("[data-testid=ticket-title-view]")).ToBeVisibleAsync();
        await BrowserSession.GotoInteractiveAsync(watcher, ticketUrl!);
        await watcher.Locator(".mud-tab", new() { HasText = "动态" }).ClickAsync();
        await Expect(watcher.Locator("[data-testid=comment-text]")).ToBeVisibleAsync();

        // A comment shows up in the watcher's list as it is written.
        // The editor is `agent`, whose language another journey may have switched to English.
        await editor.Locator(".mud-tab", new() { HasTextRegex = ActivityTab() }).ClickAsync();
        await editor.Locator("[data-testid=comment-text]").FillAsync("客户改约到明天上午");
        await editor.Locator("[data-testid=comment-submit]").ClickAsync();
        await Expect(watcher.GetByText("客户改约到明天上午")).ToBeVisibleAsync();

        // An edit is announced, not forced: the watcher keeps what they see until they reload.
        var before = await watcher.Locator("[data-testid=ticket-title-view]").TextContentAsync();
        await editor.Locator("[data-testid=edit-ticket]").ClickAsync();
        await editor.Locator("[data-testid=ticket-title]").FillAsync("张敏刚改的标题");
        await editor.Locator("[data-testid=save-ticket]").ClickAsync();
        await Expect(editor.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync("张敏刚改的标题");

        await Expect(watcher.Locator("[data-testid=ticket-changed]")).ToContainTextAsync("此工单已被 张敏 修改");
        await Expect(watcher.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync(before!);
        await watcher.Locator("[data-testid=reload-changed]").ClickAsync();
        await Expect(watcher.Locator("[data-testid=ticket-title-view]")).ToHaveTextAsync("张敏刚改的标题");
        await Expect(watcher.Locator("[data-testid=ticket-changed]")).ToHaveCountAsync(0);
        await editor.Context.CloseAsync();
    }

    [GeneratedRegex("动态|Activity")]
    private static partial Regex ActivityTab();

    [GeneratedRegex(@"tickets/\d+$")]
    private static partial Regex TicketUrl();
}
