using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>流程设计器 in Chromium: an admin draws a workflow and publishes it; an agent's ticket then offers its buttons.</summary>
[Collection(DesignerBrowserCollection.Name)]
public sealed class WorkflowDesignerJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task Admin_DrawsValidatesAndPublishesAWorkflow_ThenATicketOffersItsButtons() =>
        app.RunJourneyAsync("workflow-designer-journey", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/workflows");
        await page.Locator("[data-testid=workflow-list] tr", new() { HasText = "维修工单" }).ClickAsync();
        await BrowserSession.WaitInteractiveAsync(page);
        await Expect(page.Locator(".wf-node[data-node-id=handle]")).ToBeVisibleAsync();
        await CanvasSettledAsync(page, after: "0"); // the first fit is done and the ports measured where the browser shows them

        // Four nodes from the palette onto the canvas.
        var host = page.Locator("[data-testid=canvas-host]");
        var box = (await host.BoundingBoxAsync())!;
        foreach (var (kind, fx, fy) in new[] { ("Branch", .25f, .75f), ("Approval", .5f, .6f), ("Step", .5f, .9f), ("End", .8f, .85f) })
        {
            await page.Locator($"[data-testid=palette-{kind}]").DragToAsync(host, new() { TargetPosition = new() { X = box.Width * fx, Y = box.Height * fy } });
        }

        await Expect(page.Locator(".wf-node")).ToHaveCountAsync(7);
        var handle = page.Locator(".wf-node[data-node-id=handle]");
        var branch = page.Locator(".wf-node[data-kind=Branch]");
        var approval = page.Locator(".wf-node[data-kind=Approval]");
        var step = page.Locator(".wf-node[data-kind=Step]:not([data-node-id=handle])");
        var end = page.Locator(".wf-node[data-kind=End]:not([data-node-id=done])");

        // Connect them; a new link is selected, so its properties are at hand.
        await ConnectAsync(page, handle, branch);
        await page.Locator("input[data-testid=link-label]").FillAsync("检测完成");
        await page.Locator("input[data-testid=link-label]").PressAsync("Enter");
        await Expect(page.Locator(".wf-link-label", new() { HasText = "检测完成" })).ToHaveCountAsync(1);
        await ConnectAsync(page, branch, approval);
        await page.Locator("[data-testid=add-guard]").ClickAsync();
        await Expect(page.Locator("[data-testid=condition-row]")).ToHaveCountAsync(1);
        await Expect(page.Locator(".wf-link-label", new() { HasText = "条件" })).ToHaveCountAsync(1);
        await ConnectAsync(page, branch, step);
        await Expect(page.Locator(".wf-link-label", new() { HasText = "默认" })).ToHaveCountAsync(1);
        await ConnectAsync(page, approval, step);
        await Expect(page.Locator(".wf-link-label", new() { HasText = "同意" })).ToHaveCountAsync(1);

        // The new step leads nowhere yet: validation says so and marks it.
        await page.Locator("[data-testid=validate]").ClickAsync();
        await Expect(page.Locator("[data-testid=problem]", new() { HasText = "没有出口" })).ToHaveCountAsync(1);
        await Expect(page.Locator(".wf-node.problem")).Not.ToHaveCountAsync(0);
        await page.Locator("[data-testid=problem]", new() { HasText = "没有出口" }).ClickAsync();
        await Expect(page.Locator("[data-testid=selected-kind]")).ToHaveTextAsync("人工步骤");

        // Fix it, check again and publish.
        var measured = await page.Locator("[data-testid=canvas-host]").GetAttributeAsync("data-measured");
        await page.Locator("[data-testid=zoom-fit]").ClickAsync();
        await CanvasSettledAsync(page, after: measured!);
        await ConnectAsync(page, step, end);
        await page.Locator("[data-testid=validate]").ClickAsync();
        await Expect(page.Locator("[data-testid=problems-none]")).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-node.problem")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=publish]").ClickAsync();
        await Expect(page.Locator("[data-testid=read-only]")).ToBeVisibleAsync();
        await Expect(page.GetByText("已发布版本 1。")).ToBeVisibleAsync();
        await Expect(page.Locator(".wf-node.locked")).ToHaveCountAsync(7);
        await AppServerFixture.ScreenshotAsync(page, "workflow-designer-published");

        // An agent's new repair ticket waits at 处理, whose ways out are 完成 (seeded) and 检测完成 (drawn).
        await page.Context.ClearCookiesAsync();
        await BrowserSession.LoginAsync(page, "agent");
        await BrowserSession.GotoInteractiveAsync(page, "tickets/new");
        await page.Locator("[data-testid=template-picker] [data-template=维修工单]").ClickAsync();
        await page.Locator("[data-testid=ticket-title]").FillAsync($"E2E 空调不制冷 {Guid.NewGuid().ToString("N")[..6]}");
        await BrowserSession.SelectAsync(page, "[data-field=fault_types]", "不制冷");
        await BrowserSession.SelectAsync(page, "[data-field=warranty]", "过保");
        await page.Locator("[data-field=contact_phone] input").FillAsync("13800138000");
        await page.Locator("[data-field=quote] input").FillAsync("300"); // 过保 makes the quote required (智能必填)
        await page.Locator("[data-testid=submit-ticket]").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/tickets/\d+$"));
        await BrowserSession.WaitInteractiveAsync(page);

        var buttons = page.Locator("[data-testid=ticket-actions] [data-transition]");
        await Expect(buttons).ToHaveCountAsync(2);
        Assert.Equal(["完成", "检测完成"], (await buttons.AllInnerTextsAsync()).Select(t => t.Trim()));
    });

    [Fact]
    public Task SeededInstallationWorkflow_OpensLaidOut_WithNoNodeOnAnother() =>
        app.RunJourneyAsync("workflow-designer-installation", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "admin/workflows");
        await page.Locator("[data-testid=workflow-list] tr", new() { HasText = "安装工单" }).ClickAsync();
        await BrowserSession.WaitInteractiveAsync(page);
        await Expect(page.Locator(".wf-node")).ToHaveCountAsync(9);
        await CanvasSettledAsync(page, after: "0");
        await Expect(page.Locator("g.diagram-link")).ToHaveCountAsync(9);

        var boxes = await page.Locator(".wf-node").EvaluateAllAsync<double[][]>(
            "nodes => nodes.map(n => { const r = n.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })");
        for (var i = 0; i < boxes.Length; i++)
        {
            for (var j = i + 1; j < boxes.Length; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                Assert.False(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], $"nodes {i} and {j} overlap");
            }
        }

        // The whole workflow is in view on opening: no panning needed to see where it ends.
        var canvas = await page.Locator(".diagram-canvas").EvaluateAsync<double[]>(
            "c => { const r = c.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }");
        Assert.All(boxes, b => Assert.True(b[0] >= canvas[0] && b[1] >= canvas[1] && b[2] <= canvas[2] && b[3] <= canvas[3],
            $"a node at ({b[0]:0}, {b[1]:0}) lies outside the canvas ({canvas[0]:0}, {canvas[1]:0}, {canvas[2]:0}, {canvas[3]:0})"));
    });

    [Fact]
    public Task AddressesThatNameNoWorkflow_ShowNotFoundInsideTheLayout() =>
        app.RunJourneyAsync("workflow-designer-not-found", async page =>
    {
        await BrowserSession.LoginAsync(page, "admin");
        foreach (var (url, text) in new[]
        {
            ("admin/workflows/999", "页面不存在。"), ("admin/workflows/abc", "页面不存在。"), ("admin/workflows/99999999999999999999", "页面不存在。"),
            ("admin/workflows/versions/abc", "页面不存在。"), ("admin/workflows/migrate/999", "流程版本不存在。"), ("admin/workflows/migrate/abc", "流程版本不存在。"),
        })
        {
            var response = await page.GotoAsync(url);

            Assert.Equal(200, response!.Status);
            await Expect(page.GetByText(text)).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-appbar")).ToBeVisibleAsync();
        }
    });

    // Port to port with pointer events: each move is a round trip to the server, so move in steps and let go only once the
    // link being drawn has reached the target port on screen.
    private static async Task ConnectAsync(IPage page, ILocator from, ILocator to)
    {
        var (ax, ay) = await CenterAsync(from.Locator(".wf-out"));
        var (bx, by) = await CenterAsync(to.Locator(".wf-in"));
        var links = await page.Locator("g.diagram-link").CountAsync();
        await page.Mouse.MoveAsync(ax, ay);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((ax + bx) / 2, (ay + by) / 2, new() { Steps = 5 });
        await page.Mouse.MoveAsync(bx, by, new() { Steps = 5 });
        await page.WaitForFunctionAsync(LinkEndsNear, new { links, x = (double)bx, y = (double)by });
        await page.Mouse.UpAsync();

        // The panel shows the new link, not still the one drawn before it.
        var route = $"{await from.Locator(".wf-title").InnerTextAsync()} → {await to.Locator(".wf-title").InnerTextAsync()}";
        await Expect(page.Locator("[data-testid=link-properties] .mud-typography-caption").First).ToHaveTextAsync(route);
    }

    // The link being drawn (one more than before the drag) reaches the point on screen, give or take its arrow head: it has
    // followed the last move.
    private const string LinkEndsNear = """
        ({ links, x, y }) => {
            const all = document.querySelectorAll('g.diagram-link');
            if (all.length <= links) return false;
            const box = all[all.length - 1].getBoundingClientRect();
            return x >= box.left - 12 && x <= box.right + 12 && y >= box.top - 12 && y <= box.bottom + 12;
        }
        """;

    // Fit and layout move the view; the page measures the ports again afterwards and counts it in data-measured.
    private static Task CanvasSettledAsync(IPage page, string after) =>
        Expect(page.Locator("[data-testid=canvas-host]")).Not.ToHaveAttributeAsync("data-measured", after);

    private static async Task<(float X, float Y)> CenterAsync(ILocator locator)
    {
        var b = (await locator.BoundingBoxAsync())!;
        return (b.X + (b.Width / 2), b.Y + (b.Height / 2));
    }
}

/// <summary>
/// Publishing a workflow for the demo's 维修工单 turns its status board into a workflow board, which the board journeys
/// check as seeded: the designer journeys get an app and database of their own, and run alone after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DesignerBrowserCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "Browser (workflow designer)";
}
