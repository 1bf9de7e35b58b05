using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scrm.Data.Changes;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Data.Providers;

namespace Scrm.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IDbContextFactory{ScrmDbContext}"/> for the provider named in <c>Database:Provider</c>
    /// with the connection string <c>ConnectionStrings:Scrm</c>.
    /// </summary>
    public static IServiceCollection AddScrmData(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Scrm")
            ?? throw new InvalidOperationException("ConnectionStrings:Scrm is not set in appsettings.json.");
        DatabaseProvider.AddContextFactory(services, provider, connectionString);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IChangeFeed, InProcessChangeFeed>();
        services.TryAddSingleton(sp => new OutboxRoutes(sp.GetServices<OutboxRoute>().Select(r => r.EventType)));
        services.TryAddSingleton(sp => new SaveServices(sp.GetRequiredService<TimeProvider>(), [.. sp.GetServices<IInTransactionHandler>()],
            sp.GetRequiredService<OutboxRoutes>(), sp.GetRequiredService<IChangeFeed>()));
        services.AddSingleton<IDbContextFactory<ScrmDbContext>, ScrmDbContextFactory>();
        services.TryAddSingleton<UnitOfWork>();
        services.TryAddSingleton<OutboxDispatcher>();
        return services;
    }

    /// <summary>Creates or upgrades the database to the latest migration.</summary>
    public static async Task MigrateScrmDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        await DatabaseProvider.PrepareAsync(db, ct);
        await db.Database.MigrateAsync(ct);
    }
}
