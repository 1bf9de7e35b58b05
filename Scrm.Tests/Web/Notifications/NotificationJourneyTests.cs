using Microsoft.Playwright;
using Scrm.Tests.Browser;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Web.Notifications;

/// <summary>
/// In a real browser: 李娜 mentions 王磊 in a comment through the picker, 王磊's bell shows the mention, and 王磊 turns
/// mentions off on My account. Screenshots: the picker open, the bell, the switches.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NotificationJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Mention_ReachesTheBell_AndTheKindCanBeTurnedOff() =>
        app.RunJourneyAsync("account-notifications", async admin =>
    {
        var supervisor = await app.NewPageAsync();
        await BrowserSession.LoginAsync(supervisor, "supervisor");
        await BrowserSession.GotoInteractiveAsync(supervisor, "tickets?status=InProgress");
        var ticketUrl = await supervisor.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row a").First.GetAttributeAsync("href");
        await BrowserSession.GotoInteractiveAsync(supervisor, ticketUrl!);
        await supervisor.Locator(".mud-tab", new() { HasText = "动态" }).ClickAsync();

        // Typing "@" opens the picker; the name typed after it filters the list.
        await supervisor.Locator("[data-testid=comment-text]").FillAsync("请 @");
        await Expect(supervisor.Locator("[data-testid=mention-picker]")).ToBeVisibleAsync();
        await Expect(supervisor.Locator("[data-testid=mention-option]", new() { HasText = "王磊" })).ToBeVisibleAsync();
        await AppServerFixture.ScreenshotAsync(supervisor, "mention-picker");
        await supervisor.Locator("[data-testid=comment-text]").FillAsync("请 @王");
        await Expect(supervisor.Locator("[data-testid=mention-option]")).ToHaveCountAsync(1);
        await supervisor.Locator("[data-testid=mention-option]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=comment-text]")).ToHaveValueAsync("请 @王磊 ");
        await supervisor.Locator("[data-testid=comment-text]").PressSequentiallyAsync("明天上午回访客户");
        await supervisor.Locator("[data-testid=comment-submit]").ClickAsync();
        await Expect(supervisor.Locator("[data-testid=comment-mention]", new() { HasText = "@王磊" })).ToBeVisibleAsync();
        await AppServerFixture.ScreenshotAsync(supervisor, "mention-highlighted");
        await supervisor.Context.CloseAsync();

        // The outbox delivers the mention to 王磊's bell, live.
        await BrowserSession.LoginAsync(admin, "admin");
        await BrowserSession.GotoInteractiveAsync(admin, "account");
        await admin.Locator("[data-testid=bell-button]").ClickAsync();
        await Expect(admin.Locator("[data-testid=bell-item]", new() { HasText = "明天上午回访客户" })).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-testid=bell-kind-label]", new() { HasText = "评论中提及我" }).First).ToBeVisibleAsync();
        await AppServerFixture.ScreenshotAsync(admin, "bell-mentioned");
        await admin.Keyboard.PressAsync("Escape");

        await admin.Locator("[data-testid=notify-Mentioned] input").UncheckAsync();
        await admin.Locator("[data-testid=notify-save]").ClickAsync();
        await Expect(admin.GetByText("通知设置已保存")).ToBeVisibleAsync();
        await Expect(admin.Locator("[data-testid=notify-Mentioned] input")).Not.ToBeCheckedAsync();
        await Expect(admin.Locator("[data-testid=notify-Assigned] input")).ToBeCheckedAsync();
    });
}
