using System.Globalization;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web;

/// <summary>
/// bUnit base: MudBlazor, the app's feature services over a seeded in-memory SQLite database, a signed-in demo
/// user, and the English UI (the neutral resources) unless a test switches culture.
/// </summary>
public abstract class ScrmComponentTest : BunitContext, IAsyncLifetime
{
    private readonly SqliteConnection _keepAlive;
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    /// <param name="replaceServices">Swaps app services for test ones (e.g. a counting wrapper) before any is resolved.</param>
    protected ScrmComponentTest(Action<IServiceCollection>? replaceServices = null)
    {
        // Everything is registered before the first service is resolved: bUnit forbids registering after that.
        _keepAlive = Services.AddScrmForTests();
        replaceServices?.Invoke(Services);
        Services.AddMudServices();
        _authorization = AddAuthorization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        SetRendererInfo(new RendererInfo("Server", true));
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }

    /// <summary>The demo user the component runs as.</summary>
    protected virtual string UserName => "agent";

    public virtual async ValueTask InitializeAsync()
    {
        await TestApp.SeedAsync(Services);
        var principal = await TestApp.PrincipalAsync(Services, UserName);
        var auth = _authorization;
        auth.SetAuthorized(principal.Identity!.Name!);
        auth.SetRoles(principal.FindFirst(ClaimTypes.Role)!.Value);
        auth.SetClaims(principal.Claims.Where(c => c.Type is ClaimTypes.NameIdentifier or CurrentUser.DisplayNameClaim).ToArray());
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await base.DisposeAsync();
        await _keepAlive.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
