using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Tests.Web;
using Scrm.Web.Features.Catalog.Import;
using Xunit;

namespace Scrm.Tests.Data.Catalog;

/// <summary>
/// The migrated demo company (real SQLite) with the app's feature services, plus one handler that plays "another
/// admin": when a save is about to add a service item coded <see cref="RaceCode"/>, it first commits an item with
/// that code through its own connection, as if someone had added it between the import's check and its save.
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
        // The context factory needs the handlers, so the rival resolves it only when it acts.
        services.AddSingleton<IInTransactionHandler>(sp => new RivalAdmin(sp));
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

    private sealed class RivalAdmin(IServiceProvider services) : InTransactionHandler<ServiceItemChanged>
    {
        protected override async Task HandleAsync(ServiceItemChanged domainEvent, ScrmDbContext db, CancellationToken ct)
        {
            if (domainEvent.Item is { Id: 0, Code: RaceCode })
            {
                await using var rival = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
                await rival.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "ServiceItems" ("Code", "Name", "Category", "Unit", "IsActive", "Version") VALUES ('RACE-1', '抢先一步', '空调', '台', 1, 1)""", ct);
            }
        }
    }
}
