using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Providers;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Tests.Web;
using Scrm.Web.Features.Catalog.Import;
using Xunit;

namespace Scrm.Tests.Data.Catalog;

/// <summary>
/// The migrated demo company (real SQLite) with the app's feature services, plus one handler that plays "another
/// admin": when a save that adds a service item coded <see cref="RaceCode"/> is about to begin its transaction, it first
/// commits an item with that code through its own connection, as if someone had added it between the import's check and
/// its save.
/// </summary>
public sealed class CatalogImportFixture : IAsyncLifetime
{
    public const string RaceCode = "RACE-1";

    private SqliteConnection? _keepAlive;

    public ServiceProvider Services { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        _keepAlive = services.AddScrmForTests();
        services.AddLogging();
        // The context factory builds the rival's own context, so the rival resolves it only when it acts.
        services.ConfigureDbContext<SqliteScrmDbContext>((sp, options) => options.AddInterceptors(new RivalAdmin(sp)));
        Services = services.BuildServiceProvider();
        await TestApp.SeedAsync(Services);
    }

    public CatalogImportService Import => Services.GetRequiredService<CatalogImportService>();

    public Task<Actor> ActorAsync(string userName) => TestApp.ActorAsync(Services, userName);

    public async Task<ScrmDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }

    /// <summary>
    /// Acts as the save is about to open its transaction — after the import checked the codes, before it writes — which is
    /// the one moment another admin's commit can slip in.
    /// </summary>
    private sealed class RivalAdmin(IServiceProvider services) : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken ct = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<ServiceItem>().Any(e => e is { State: EntityState.Added, Entity.Code: RaceCode }))
            {
                await using var rival = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
                await rival.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "ServiceItems" ("Code", "Name", "Category", "Unit", "IsActive", "Version") VALUES ('RACE-1', '抢先一步', '空调', '台', 1, 1)""", ct);
            }

            return result;
        }
    }
}
