using Microsoft.Playwright;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// What <c>dashboards-live</c> does in a page that shows the revenue dashboard: read a KPI card's value, and record in the
/// page (a MutationObserver, Date.now()) when it changes.
/// </summary>
public static class DashboardPages
{
    /// <summary>The four KPI cards of the revenue dashboard.</summary>
    public static readonly string[] KpiCards = ["kpi-revenue", "kpi-cost", "kpi-margin", "kpi-settled"];

    /// <summary>Records in <c>__scrmChanged</c> the Date.now() at which KPI card <c>card</c>'s value is no longer <c>before</c>.</summary>
    private const string WatchChangeScript = """
        ([card, before]) => {
          window.__scrmChanged = undefined;
          const selector = `[data-testid=${card}] [data-testid=kpi-value]`;
          const changed = () => {
            const element = document.querySelector(selector);
            if (!element || element.textContent === before) return false;
            window.__scrmChanged = Date.now();
            return true;
          };
          if (changed()) return;
          const observer = new MutationObserver(() => { if (changed()) observer.disconnect(); });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    /// <summary>Loads <paramref name="url"/> in full and waits until its circuit is connected and every KPI card shows a value.</summary>
    public static async Task OpenAsync(IPage page, string url)
    {
        await SignedInPages.GotoInteractiveAsync(page, url);
        await Assertions.Expect(page.Locator("[data-testid=live]")).ToBeVisibleAsync();
        foreach (var card in KpiCards)
        {
            await Assertions.Expect(Value(page, card)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d"));
        }
    }

    /// <summary>The text KPI card <paramref name="card"/> shows now.</summary>
    public static async Task<string> ValueAsync(IPage page, string card) => await Value(page, card).TextContentAsync() ?? "";

    /// <summary>Starts watching for KPI card <paramref name="card"/> to show something other than <paramref name="before"/>.</summary>
    public static Task WatchChangeAsync(IPage page, string card, string before) => page.EvaluateAsync(WatchChangeScript, new object[] { card, before });

    /// <summary>Waits until the watched card has changed; the Date.now() (Unix milliseconds) at which it did.</summary>
    public static async Task<long> ChangedAtAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__scrmChanged !== undefined");
        return await page.EvaluateAsync<long>("() => window.__scrmChanged");
    }

    private static ILocator Value(IPage page, string card) => page.Locator($"[data-testid={card}] [data-testid=kpi-value]");
}
