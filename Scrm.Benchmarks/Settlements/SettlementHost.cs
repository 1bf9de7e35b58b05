using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Data.Saving;
using Scrm.Web;

namespace Scrm.Benchmarks.Settlements;

/// <summary>
/// The app's data and feature services (no web host) on a SQLite file of their own in a temp folder, migrated, with
/// <see cref="SettlementWorld"/> prepared. Disposing deletes the folder.
/// </summary>
internal sealed class SettlementHost : IAsyncDisposable
{
    private readonly string _folder;

    private SettlementHost(string folder, ServiceProvider provider, IDbContextFactory<ScrmDbContext> factory, SettlementWorld world)
    {
        _folder = folder;
        Provider = provider;
        Factory = factory;
        World = world;
    }

    public ServiceProvider Provider { get; }

    public IDbContextFactory<ScrmDbContext> Factory { get; }

    public SettlementWorld World { get; }

    /// <summary>
    /// Hosts the app's services as <c>AddScrmData</c> + <c>AddScrmFeatures</c> register them; without
    /// <paramref name="rollups"/>, less the dashboards' rollup handlers (<see cref="TicketRollups"/>, <see cref="MoneyRollups"/>).
    /// </summary>
    public static async Task<SettlementHost> StartAsync(bool rollups = true, IInterceptor? interceptor = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"scrm-settlement-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={Path.Combine(folder, "scrm.db")}",
        }).Build());
        services.AddScrmFeatures();
        if (!rollups)
        {
            RemoveRollupHandlers(services);
        }

        if (interceptor is not null)
        {
            services.ConfigureDbContext<Scrm.Data.Providers.SqliteScrmDbContext>(o => o.AddInterceptors(interceptor));
        }

        var provider = services.BuildServiceProvider();
        await provider.MigrateScrmDatabaseAsync();
        var factory = provider.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        return new SettlementHost(folder, provider, factory, await SettlementWorld.PrepareAsync(provider, factory));
    }

    private static void RemoveRollupHandlers(ServiceCollection services)
    {
        var handlers = services.Where(d => d.ServiceType == typeof(IInTransactionHandler)
            && (d.ImplementationType == typeof(TicketRollups) || d.ImplementationType == typeof(MoneyRollups))).ToList();
        if (handlers.Count != 2)
        {
            throw new InvalidOperationException($"Expected the two rollup handlers among the registrations, found {handlers.Count}.");
        }

        foreach (var handler in handlers)
        {
            services.Remove(handler);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
