using Microsoft.Playwright;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// Browser pages in their own contexts (own cookies, own circuit), each signed in, driven through Debian's Chromium.
/// The live runs (<c>boards-live</c>, <c>dashboards-live</c>) take their timings inside the pages, by observers.
/// </summary>
public sealed class SignedInPages : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private SignedInPages(IPlaywright playwright, IBrowser browser, IReadOnlyList<IPage> pages)
    {
        _playwright = playwright;
        _browser = browser;
        Pages = pages;
    }

    public IReadOnlyList<IPage> Pages { get; }

    /// <summary>
    /// Launches Chromium and signs <paramref name="count"/> fresh contexts in as <paramref name="userName"/>, one after
    /// another; <paramref name="initScript"/>, if any, runs in every document of every context.
    /// </summary>
    public static async Task<SignedInPages> OpenAsync(Uri baseAddress, int count, string userName, string password, string? initScript = null)
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The live benchmarks need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium.");
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
            // Generous: 20 pages and the server share two cores. Every wait is for a condition.
            context.SetDefaultTimeout(120_000);
            Assertions.SetDefaultExpectTimeout(120_000);
            if (initScript is not null)
            {
                await context.AddInitScriptAsync(initScript);
            }

            var page = await context.NewPageAsync();
            await page.GotoAsync("account/login");
            await page.FillAsync("#username", userName);
            await page.FillAsync("#password", password);
            await page.ClickAsync("[data-testid=login-submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
            pages.Add(page);
        }

        return new SignedInPages(playwright, browser, pages);
    }

    /// <summary>A full page load of <paramref name="url"/>, until its circuit is connected.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
