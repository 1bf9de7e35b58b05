using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>What only a browser shows: the content security policy holds on real pages, and a lost connection is never silent.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HostingJourneyTests(AppServerFixture app)
{
    [Fact]
    public Task TheMainPages_RunUnderTheContentSecurityPolicy_WithoutAViolation() =>
        app.RunJourneyAsync("csp-main-pages", async page =>
    {
        var violations = new ConcurrentQueue<string>();
        await page.ExposeFunctionAsync("reportCspViolation", (string v) => violations.Enqueue(v));
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Enqueue(message.Text);
            }
        };

        await BrowserSession.LoginAsync(page, "admin");
        await BrowserSession.GotoInteractiveAsync(page, "tickets");
        await page.Locator("[data-testid=ticket-grid] tbody tr.mud-table-row a").First.ClickAsync();
        await Expect(page.Locator("[data-testid=ticket-title-view]")).ToBeVisibleAsync();
        await BrowserSession.GotoInteractiveAsync(page, "admin/workflows");
        await page.Locator("[data-testid=workflow-list] tr", new() { HasText = "安装工单" }).ClickAsync();
        await Expect(page.Locator(".wf-node").First).ToBeVisibleAsync();
        await page.GotoAsync("no/such/page");
        await Expect(page.Locator("[data-testid=status-page]")).ToBeVisibleAsync();

        Assert.Empty(violations);
    });

    [Fact]
    public Task ALostConnection_ShowsTheReconnectDialog_InTheUsersLanguage() =>
        app.RunJourneyAsync("reconnect-dialog", async page =>
    {
        IWebSocketRoute? circuit = null;
        var cut = false;
        await page.RouteWebSocketAsync("**/_blazor**", ws =>
        {
            if (cut)
            {
                _ = ws.CloseAsync();
                return;
            }

            circuit = ws;
            ws.ConnectToServer();
        });

        await BrowserSession.LoginAsync(page, "supervisor");
        await BrowserSession.GotoInteractiveAsync(page, "tickets");
        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync();

        // The network goes: the open connection drops and every way back (negotiation, long polling) fails.
        cut = true;
        await page.RouteAsync("**/_blazor**", route => route.AbortAsync());
        await circuit!.CloseAsync();

        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("连接已断开，正在重新连接…");
    });
}
