using Microsoft.Playwright;

namespace Scrm.Tests.Browser;

/// <summary>Steps every journey shares.</summary>
public static class BrowserSession
{
    public const string DemoPassword = Scrm.Data.Seed.DemoCompanySeeder.DemoPassword;

    public static async Task LoginAsync(IPage page, string userName)
    {
        await page.GotoAsync("account/login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", DemoPassword);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
    }

    /// <summary>Navigates and waits until the circuit is connected: clicks before that are lost.</summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>Picks an option of a MudSelect inside the element matched by <paramref name="container"/>.</summary>
    public static async Task SelectAsync(IPage page, string container, string option)
    {
        await page.Locator($"{container} [role=combobox]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");

        // The server has the choice once it renders it: typing elsewhere before that can be undone by its re-render.
        await Assertions.Expect(page.Locator($"{container} input").First)
            .ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option)));
    }
}
