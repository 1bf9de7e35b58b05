using Microsoft.Playwright;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// What <c>boards-live</c> does in a page that shows a board (<see cref="SignedInPages"/> opened with
/// <see cref="FirstCardScript"/>). Timings are taken inside the page (performance.now, Date.now) by observers, not by
/// polling from here.
/// </summary>
public static class BoardPages
{
    /// <summary>
    /// Installed in every document: <c>__scrmWatchFirstCard()</c> records in <c>__scrmFirstCard</c> the performance.now() at
    /// which the first board card is in the layout; a board page loaded in full starts watching at once (navigation start is 0).
    /// </summary>
    public const string FirstCardScript = """
        window.__scrmWatchFirstCard = () => {
          window.__scrmFirstCard = undefined;
          const seen = () => {
            const card = document.querySelector('[data-testid=board-card]');
            if (!card || card.getBoundingClientRect().height === 0) return false;
            window.__scrmFirstCard = performance.now();
            return true;
          };
          if (seen()) return;
          const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
          observer.observe(document, { childList: true, subtree: true });
        };
        window.__scrmNavigationStart = 0;
        if (location.pathname.startsWith('/boards/')) window.__scrmWatchFirstCard();
        """;

    /// <summary>Records in <c>__scrmSeen</c> the Date.now() at which the card of ticket <c>id</c> shows <c>title</c>.</summary>
    private const string WatchTitleScript = """
        ([id, title]) => {
          window.__scrmSeen = undefined;
          const selector = `[data-ticket-id="${id}"] [data-testid=board-card-title]`;
          const seen = () => {
            const element = document.querySelector(selector);
            if (!element || element.textContent !== title) return false;
            window.__scrmSeen = Date.now();
            return true;
          };
          if (seen()) return;
          const observer = new MutationObserver(() => { if (seen()) observer.disconnect(); });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }
        """;

    /// <summary>Loads the board in full (new document, new circuit); milliseconds from navigation start to the first card in view.</summary>
    public static async Task<double> LoadBoardAsync(IPage page, string boardUrl)
    {
        await page.GotoAsync(boardUrl);
        return await FirstCardAsync(page);
    }

    /// <summary>Navigates within the page's circuit (as a click on a link does); milliseconds until the first card is in view.</summary>
    public static async Task<double> NavigateToBoardAsync(IPage page, string boardUrl)
    {
        await page.EvaluateAsync("""
            url => {
              window.__scrmWatchFirstCard();
              window.__scrmNavigationStart = performance.now();
              Blazor.navigateTo(url);
            }
            """, "/" + boardUrl);
        return await FirstCardAsync(page);
    }

    /// <summary>Navigates within the page's circuit away from the board, until the board is gone.</summary>
    public static async Task LeaveBoardAsync(IPage page, string url)
    {
        await page.EvaluateAsync("url => Blazor.navigateTo(url)", "/" + url);
        await page.WaitForURLAsync(u => u.EndsWith("/" + url, StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=board]")).ToHaveCountAsync(0);
    }

    /// <summary>Starts watching for ticket <paramref name="ticketId"/>'s card to show <paramref name="title"/>.</summary>
    public static Task WatchTitleAsync(IPage page, long ticketId, string title) => page.EvaluateAsync(WatchTitleScript, new object[] { ticketId, title });

    /// <summary>Waits until the watched title shows; the Date.now() (Unix milliseconds) at which it did.</summary>
    public static async Task<long> TitleSeenAtAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__scrmSeen !== undefined");
        return await page.EvaluateAsync<long>("() => window.__scrmSeen");
    }

    private static async Task<double> FirstCardAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__scrmFirstCard !== undefined");
        await Assertions.Expect(page.Locator("[data-testid=board-card]").First).ToBeVisibleAsync();
        return await page.EvaluateAsync<double>("() => window.__scrmFirstCard - window.__scrmNavigationStart");
    }
}
