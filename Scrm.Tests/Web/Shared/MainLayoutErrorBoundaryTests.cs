using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using Scrm.Tests.Web.Hosting;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Shared;

/// <summary>A page that fails inside the layout: the user gets a message and an id, the log the exception, the layout lives on.</summary>
/// <remarks>Its own setup rather than <see cref="ScrmComponentTest"/>: the log must be registered before anything resolves.</remarks>
public sealed class MainLayoutErrorBoundaryTests : BunitContext, IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly Microsoft.Data.Sqlite.SqliteConnection _keepAlive;

    public MainLayoutErrorBoundaryTests()
    {
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_logs]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        _keepAlive = Services.AddScrmForTests();
        Services.AddMudServices();
        AddAuthorization().SetAuthorized("agent").SetRoles("Agent");
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", true));
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    public async ValueTask InitializeAsync() => await TestApp.SeedAsync(Services, tickets: 0);

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _keepAlive.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void AFailingPage_ShowsAnIdThatIsLogged_AndTryAgainRendersItOnceItWorks()
    {
        var page = new FailingPage.Switch { Fails = true };
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Page(page)));

        var id = layout.Find("[data-testid=error-boundary] [data-testid=correlation-id]").TextContent;
        Assert.Matches("^[0-9A-F]{12}$", id);
        Assert.Contains("This part of the page ran into an error. The rest of your work is not affected.", layout.Find("[data-testid=error-boundary]").TextContent, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, line => line.StartsWith("Error:", StringComparison.Ordinal) && line.Contains(id, StringComparison.Ordinal) && line.Contains("The page broke", StringComparison.Ordinal));
        Assert.NotEmpty(layout.FindAll("[data-testid=language-menu]"));

        page.Fails = false;
        layout.Find("[data-testid=error-retry]").Click();

        Assert.Equal("The page works", layout.Find("[data-testid=failing-page]").TextContent);
        Assert.Empty(layout.FindAll("[data-testid=error-boundary]"));
    }

    [Fact]
    public void NavigatingToAnotherPage_RecoversFromTheError()
    {
        var broken = new FailingPage.Switch { Fails = true };
        var layout = Render<MainLayout>(p => p.Add(l => l.Body, Page(broken)));
        Assert.NotEmpty(layout.FindAll("[data-testid=error-boundary]"));

        layout.Render(p => p.Add(l => l.Body, Page(new FailingPage.Switch { Fails = false })));

        Assert.Equal("The page works", layout.Find("[data-testid=failing-page]").TextContent);
    }

    private static RenderFragment Page(FailingPage.Switch state) => builder =>
    {
        builder.OpenComponent<FailingPage>(0);
        builder.AddComponentParameter(1, nameof(FailingPage.State), state);
        builder.CloseComponent();
    };

    private sealed class FailingPage : ComponentBase
    {
        [Parameter] public Switch State { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (State.Fails)
            {
                throw new InvalidOperationException("The page broke");
            }

            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "failing-page");
            builder.AddContent(2, "The page works");
            builder.CloseElement();
        }

        public sealed class Switch
        {
            public bool Fails { get; set; }
        }
    }
}
