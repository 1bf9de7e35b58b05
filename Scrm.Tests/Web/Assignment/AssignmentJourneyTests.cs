using Microsoft.Playwright;
using Scrm.Tests.Browser;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Web.Assignment;

/// <summary>An admin reads the repair template's 派单规则 and adds a round-robin rule for two 湖州 technicians.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_AddsARoundRobinRule_ToTheRepairTemplate() => app.RunJourneyAsync("assignment-rules", async admin =>
    {
        await BrowserSession.LoginAsync(admin, "admin");
        await BrowserSession.GotoInteractiveAsync(admin, "admin/assignment");
        await Expect(admin.Locator("[data-testid=assignment-table]")).ToContainTextAsync("空调安装 · 本区域空调师傅");

        await PickAsync(admin, "assignment-template", "维修工单");
        await Expect(admin.Locator("[data-testid=assignment-table]")).ToContainTextAsync("维修 · 吴刚、郑海轮流");

        await admin.ClickAsync("[data-testid=assignment-new]");
        await admin.FillAsync("input[data-testid=rule-name-input]", "冰箱 · 湖州轮流");
        await PickAsync(admin, "rule-skill", "冰箱");
        await PickAsync(admin, "rule-strategy", "轮流派单");
        await PickAsync(admin, "rule-group", "吴刚");
        await AppServerFixture.ScreenshotAsync(admin, "assignment-rule-dialog");
        await admin.ClickAsync("[data-testid=rule-save]");

        var added = admin.Locator("[data-testid=assignment-table] tbody tr").Nth(2);
        await Expect(added).ToContainTextAsync("冰箱 · 湖州轮流");
        await Expect(added).ToContainTextAsync("吴刚");
        await Expect(added).ToContainTextAsync("轮流派单");
    });

    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator(".mud-input-control", new() { Has = page.Locator($"[data-testid={testId}]") }).First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        // A busy machine can take the first Escape before the list has re-rendered the pick: press until it closes.
        var open = page.Locator(".mud-popover-open .mud-list-item");
        for (var attempt = 1; ; attempt++)
        {
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Expect(open).ToHaveCountAsync(0, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 4)
            {
            }
        }
    }
}
