using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>The installation board, worked by two agents at once: drags run the workflow, and the other board follows live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BoardJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task AgentDragsACard_AndTheOtherAgentsBoardFollowsWithoutReload() =>
        app.RunJourneyAsync("board-live", async watcher =>
    {
        var mover = await app.NewPageAsync();
        try
        {
            await BrowserSession.LoginAsync(mover, "agent");
            await BrowserSession.LoginAsync(watcher, "agent2");
            var board = await OpenInstallationBoardAsync(mover);
            await BrowserSession.GotoInteractiveAsync(watcher, board);

            // 受理 → 派单: the button 受理 leads there, nothing is required.
            var card = mover.Locator("[data-column-key=accept] [data-testid=board-card]").First;
            var ticketId = await card.GetAttributeAsync("data-ticket-id");
            await Expect(watcher.Locator($"[data-column-key=accept] [data-ticket-id='{ticketId}']")).ToBeVisibleAsync();
            await card.DragToAsync(mover.Locator("[data-column-key=dispatch] .scrm-board-cards"));

            await Expect(mover.Locator($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")).ToBeVisibleAsync();
            await Expect(watcher.Locator($"[data-column-key=dispatch] [data-ticket-id='{ticketId}']")).ToBeVisibleAsync();
            await Expect(watcher.Locator($"[data-column-key=accept] [data-ticket-id='{ticketId}']")).ToHaveCountAsync(0);
            await AppServerFixture.ScreenshotAsync(mover, "board-live-mover");
        }
        finally
        {
            await mover.Context.CloseAsync();
        }
    });

    [Fact]
    public Task ADragTheWorkflowForbids_SnapsBackWithItsReason() =>
        app.RunJourneyAsync("board-refused", async page =>
    {
        await BrowserSession.LoginAsync(page, "agent");
        await OpenInstallationBoardAsync(page);

        // 上门 is the assigned technician's step: an agent may not press 完工 for them.
        var card = page.Locator("[data-column-key=visit] [data-testid=board-card]").First;
        var ticketId = await card.GetAttributeAsync("data-ticket-id");
        await card.DragToAsync(page.Locator("[data-column-key=confirm] .scrm-board-cards"));

        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("完工");
        await Expect(page.Locator($"[data-column-key=visit] [data-ticket-id='{ticketId}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-column-key=confirm] [data-ticket-id='{ticketId}']")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Technician_HasNoBoard() =>
        app.RunJourneyAsync("board-technician", async page =>
    {
        await BrowserSession.LoginAsync(page, "tech1");
        await Expect(page.Locator("nav").GetByText("看板")).ToHaveCountAsync(0);
        await BrowserSession.GotoInteractiveAsync(page, "boards/1");
        await Expect(page.GetByText("你没有权限访问此页面")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=board]")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task TheDemoRepairBoard_ShowsEveryUrgencyColourAndSlaBand() =>
        app.RunJourneyAsync("board-colourful", async page =>
    {
        await BrowserSession.LoginAsync(page, "supervisor");
        await OpenBoardAsync(page, "维修工单");

        // The demo company opens its repair board with a ticket in every band (DemoSla) and tickets of every urgency.
        foreach (var band in new[] { "OnTrack", "AtRisk", "DueSoon", "Breached", "Paused" })
        {
            await Expect(page.Locator($"[data-testid=board-card] [data-band={band}]").First).ToBeVisibleAsync();
        }

        foreach (var urgency in new[] { "Urgent", "High", "Normal", "Low" })
        {
            await Expect(page.Locator($"[data-testid=board-card][data-urgency={urgency}]").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("[data-column-key=OnHold] [data-band=Paused]").First).ToBeVisibleAsync();
    });

    /// <summary>Opens 安装工单's board from the board index (工单 › 看板) and returns its address.</summary>
    private static Task<string> OpenInstallationBoardAsync(IPage page) => OpenBoardAsync(page, "安装工单");

    private static async Task<string> OpenBoardAsync(IPage page, string template)
    {
        await BrowserSession.GotoInteractiveAsync(page, "boards");
        await page.Locator("[data-testid=board-tile] a", new() { HasText = template }).ClickAsync();
        await Expect(page.Locator("[data-testid=board-title]")).ToContainTextAsync(template);
        await Expect(page.Locator("[data-testid=board-card]").First).ToBeVisibleAsync();
        await BrowserSession.WaitInteractiveAsync(page);
        return page.Url;
    }
}
