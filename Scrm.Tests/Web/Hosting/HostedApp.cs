using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Scrm.Tests.Web.Hosting;

/// <summary>
/// The whole app in memory (TestServer) in a chosen environment, on its own temporary SQLite file built by the real
/// migrations. Test-only additions: a header that sets the client address (TestServer has none), a path that throws,
/// and a log that tests can read.
/// </summary>
public partial class HostedApp(string environment, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public const string ClientAddressHeader = "X-Test-Client-Address";
    public const string ThrowPath = "/test/throw";
    public const string ThrowMessage = "A failure only tests raise";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"scrm-host-{Guid.NewGuid():N}");

    public LogCapture Logs { get; } = new();

    /// <summary>A client that does not follow redirects and keeps cookies, as one browser would.</summary>
    public HttpClient Client(string baseAddress = "https://scrm.example.com/", string? clientAddress = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(baseAddress) });
        if (clientAddress is not null)
        {
            client.DefaultRequestHeaders.Add(ClientAddressHeader, clientAddress);
        }

        return client;
    }

    /// <summary>Posts the sign-in form as a browser would (antiforgery token included) and returns the answer.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password, string returnUrl = "/")
    {
        var url = "account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl);
        var form = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client),
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>A token for the client's current user, from the sign-in form (it renders for anyone) or another form page.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string formPage = "account/login")
    {
        var page = await client.GetStringAsync(formPage);
        return TokenInput().Match(page).Groups[1].Value;
    }

    /// <summary>The text of the element with <c>data-testid</c> <paramref name="testId"/>.</summary>
    public static string TextOf(string html, string testId) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Scrm", $"Data Source={Path.Combine(_folder, "scrm.db")}");
        builder.UseSetting("Database:Provider", "Sqlite");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestRequests>();
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }

        GC.SuppressFinalize(this);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();

    /// <summary>Outermost: the client address from the test header. Innermost, after every endpoint: a path that throws.</summary>
    private sealed class TestRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
            app.Use((context, nextMiddleware) =>
                context.Request.Path == ThrowPath ? throw new InvalidOperationException(ThrowMessage) : nextMiddleware(context));
        };
    }
}

/// <summary>Every log line the app writes, formatted, with its exception.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(_lines);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel}: {formatter(state, exception)} {exception?.Message}");
    }
}

/// <summary>Production with the demo company asked for explicitly (sign-in tests need its users); TLS ends at the app.</summary>
public sealed class ProductionApp() : HostedApp("Production", ("Database:SeedDemoCompany", "true"), ("https_port", "443"));
