using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Scrm.Tests.Browser;

/// <summary>
/// The real app on 127.0.0.1 with its own temporary SQLite database and the demo company, plus Debian's Chromium.
/// A missing Chromium fails the tests: browser tests never skip silently.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"scrm-e2e-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; private set; } = default!;
    public IBrowser Browser { get; private set; } = default!;
    public string DatabaseFile => Path.Combine(_dataFolder, "scrm.db");

    /// <summary>The running app's services, for journeys that set up data the way the app itself would.</summary>
    public IServiceProvider Services => _factory!.Services;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's Chromium at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does).");
        }

        Directory.CreateDirectory(_dataFolder);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Scrm", $"Data Source={DatabaseFile}");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Database:SeedDemoCompany", "true");
            // Errors only: the journeys' own failures, not the app's chatter, should end the test output.
            b.UseSetting("Logging:LogLevel:Default", "Error");
            b.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Error");
        });
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) at a desktop size (or <paramref name="viewport"/>), Chinese as a user in China would have it.</summary>
    public async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1440, Height = 900 },
            Locale = "zh-CN",
        });
        // Generous waits for a loaded 2-core CI machine: every wait is for a condition, so a fast run stays fast.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Runs a journey in a fresh page and saves its end state, or the state it failed in, as a screenshot.</summary>
    public async Task RunJourneyAsync(string name, Func<IPage, Task> journey)
    {
        var page = await NewPageAsync();
        try
        {
            await journey(page);
            await ScreenshotAsync(page, name);
        }
        catch
        {
            await ScreenshotAsync(page, name + "-failed");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Saves the journey's end state where CI keeps test output.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
