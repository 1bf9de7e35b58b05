using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>满意度回访 on the ticket page, and the admin's rollup rebuild, in Chromium.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RatingJourneyTests(AppServerFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public Task Agent_RatesAResolvedDemoTicketFourStars_AndThePageShowsIt() =>
        app.RunJourneyAsync("rating-journey", async page =>
    {
        var id = await UnratedResolvedTicketAsync();
        // agent2: the journeys share the database, and another one switches `agent` to English for a while.
        await BrowserSession.LoginAsync(page, "agent2");
        await BrowserSession.GotoInteractiveAsync(page, $"tickets/{id}");
        var card = page.Locator("[data-testid=rating-card]");
        await Expect(card.Locator("[data-testid=rating-none]")).ToHaveTextAsync("尚未评价");

        await card.Locator("[data-testid=rate-ticket]").ClickAsync();
        await card.Locator(".mud-rating-item").Nth(3).ClickAsync();
        await card.Locator("textarea").First.FillAsync("回访：师傅准时，安装整洁");
        await Expect(card).ToContainTextAsync("满意");
        await AppServerFixture.ScreenshotAsync(page, "rating-journey-editing");
        await card.Locator("[data-testid=save-rating]").ClickAsync();

        await Expect(card.Locator("[data-testid=rating-score]")).ToHaveTextAsync("4 星 · 满意");
        await Expect(card.Locator("[data-testid=rating-comment]")).ToHaveTextAsync("回访：师傅准时，安装整洁");
        await Expect(card.Locator("[data-testid=rating-by]")).ToContainTextAsync("陈静 于 ");
        await Expect(card.Locator("[data-testid=rate-ticket]")).ToHaveTextAsync("修改评价");

        // The history tab names the change in words: 满意度 — → 4 星.
        await page.Locator(".mud-tab", new() { HasText = "历史" }).ClickAsync();
        var row = page.Locator("[data-testid=history-table] tbody tr", new() { HasText = "满意度" });
        await Expect(row.Locator(".scrm-history-after")).ToHaveTextAsync("4 星");
        await Expect(page.Locator("[data-testid=history-table] tbody tr", new() { HasText = "评价内容" })).ToContainTextAsync("回访：师傅准时，安装整洁");
        await page.Locator(".mud-tab", new() { HasText = "详情" }).ClickAsync();
    });

    [Fact]
    public Task Admin_RebuildsTheRollups_AfterConfirming_AndSeesTheResult() =>
        app.RunJourneyAsync("rollup-rebuild", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/maintenance");
        await Expect(page.Locator("h1")).ToHaveTextAsync("系统维护");

        await page.Locator("[data-testid=start-rebuild]").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("重建期间看板数据可能短暂不准确");
        await page.Locator(".mud-dialog button", new() { HasText = "开始重建" }).ClickAsync();

        await Expect(page.Locator("[data-testid=rebuild-result]")).ToContainTextAsync("王磊 发起");
        await Expect(page.Locator("[data-testid=start-rebuild]")).ToBeEnabledAsync();
    });

    private async Task<long> UnratedResolvedTicketAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.Where(t => t.Status == TicketStatus.Resolved && t.Rating == null).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }
}
