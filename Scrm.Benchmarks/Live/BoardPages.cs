using Microsoft.Playwright;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// Browser pages that each show a board, in their own contexts (own cookies, own circuit), driven through Debian's
/// Chromium. Timings are taken inside the page (performance.now, Date.now) by observers, not by polling from here.
/// </summary>
public sealed class BoardPages : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// Installed in every document: <c>__scrmWatchFirstCard()</c> records in <c>__scrmFirstCard</c> the performance.now() at
    /// which the first board card is in the layout; a board page loaded in full starts watching at once (navigation start is 0).
    /// </summary>
    private const string FirstCardScript = """
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

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BoardPages(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        Pages = pages;
    }

    public IReadOnlyList<IPage> Pages { get; }

    /// <summary>Launches Chromium and signs <paramref name="count"/> fresh contexts in as <paramref name="userName"/>, one after another.</summary>
    public static async Task<BoardPages> OpenAsync(Uri baseAddress, int count, string userName, string password)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"boards-live needs Debian's Chromium at {ChromiumPath}: apt-get install -y chromium.");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var pages = new List<IPage>();
        for (var i = 0; i < count; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(),
                ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
                Locale = "zh-CN",
            });
            // Generous: 20 boards and the server share two cores. Every wait is for a condition.
            context.SetDefaultTimeout(120_000);
            Assertions.SetDefaultExpectTimeout(120_000);
            await context.AddInitScriptAsync(FirstCardScript);
            var page = await context.NewPageAsync();
            await page.GotoAsync("account/login");
            await page.FillAsync("#username", userName);
            await page.FillAsync("#password", password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            pages.Add(page);
        }

        return new BoardPages(playwright, browser, pages);
    }

    /// <summary>A full page load of <paramref name="url"/>, until its circuit is connected.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

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

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
