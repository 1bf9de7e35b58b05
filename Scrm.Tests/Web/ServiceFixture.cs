using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Scrm.Tests.Web;

/// <summary>One seeded database per test class; each test opens its own scope (a "circuit") as some user.</summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private SqliteConnection? _keepAlive;

    public ServiceProvider Services { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        _keepAlive = services.AddScrmForTests();
        services.AddLogging();
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        Services = services.BuildServiceProvider();
        await TestApp.SeedAsync(Services);
    }

    /// <summary>A scope signed in as the demo user <paramref name="userName"/> (see README for the demo accounts).</summary>
    public async Task<AsyncServiceScope> SignInAsync(string userName)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = await TestApp.PrincipalAsync(Services, userName);
        return scope;
    }

    /// <summary>The demo user <paramref name="userName"/> as the actor a page passes to the feature services.</summary>
    public Task<Scrm.Domain.Common.Actor> ActorAsync(string userName) => TestApp.ActorAsync(Services, userName);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }
}

public static class SignedInScopes
{
    /// <summary>The actor the scope's signed-in user acts as, as a page would get it from <see cref="Scrm.Web.Security.CurrentUser"/>.</summary>
    public static Task<Scrm.Domain.Common.Actor> ActorAsync(this AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<Scrm.Web.Security.CurrentUser>().RequireAsync();
}
