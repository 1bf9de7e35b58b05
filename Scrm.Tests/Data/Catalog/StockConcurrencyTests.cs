using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Tests.Web;
using Scrm.Web;
using Scrm.Web.Features.Catalog;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Catalog;

/// <summary>Stock moved by many hands at once on a SQLite file (WAL, as the app runs): no take lost, no stale count saved.</summary>
public sealed class StockConcurrencyTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"scrm-stock-{Guid.NewGuid():N}");
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestApp.Now));
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={Path.Combine(_folder, "scrm.db")}",
        }).Build());
        services.AddScrmFeatures();
        _services = services.BuildServiceProvider();
        await TestApp.SeedAsync(_services);
        await _services.MigrateScrmDatabaseAsync(); // switches the file to WAL, as the app does at start
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FortyTechniciansTakingTheSamePartAtOnce_AllLand_AndEachHasItsHistoryLine()
    {
        var ct = TestContext.Current.CancellationToken;
        var (partId, warehouseId, before) = await StockAsync("DRAIN-HOSE", "杭州仓");
        Assert.Equal(260m, before);
        var technicians = await Task.WhenAll(new[] { "tech1", "tech2", "tech3", "tech4" }.Select(t => TestApp.ActorAsync(_services, t)));

        var left = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<SparePartService>()
                .TakeStockAsync(technicians[i % 4], partId, warehouseId, 1.5m, $"工单 {i} 用料", ct);
        }, ct)));

        // 40 × 1.5 m taken from 260 m: each take saw a different remainder, the last 200 m.
        Assert.Equal(Enumerable.Range(1, 40).Select(n => 260m - (1.5m * n)), left.Order().Reverse());
        var (_, _, after) = await StockAsync("DRAIN-HOSE", "杭州仓");
        Assert.Equal(200m, after);
        await using var db = await DbAsync();
        var movements = await db.StockMovements.Where(m => m.SparePartId == partId).ToListAsync(ct);
        Assert.Equal(40, movements.Count);
        Assert.All(movements, m => Assert.Equal(-1.5m, m.Change));
        Assert.Equal(40, movements.Select(m => m.Reason).Distinct().Count());
        Assert.Equal(1 + 40, (await db.SpareParts.SingleAsync(p => p.Id == partId, ct)).Version);
    }

    [Fact]
    public async Task TwoAdminsCountingFromTheSameVersion_TheSecondIsRefused_AndOnlyTheFirstCountStands()
    {
        var ct = TestContext.Current.CancellationToken;
        var (partId, warehouseId, _) = await StockAsync("WALL-SLEEVE", "上海仓");
        long version;
        await using (var db = await DbAsync())
        {
            version = (await db.SpareParts.SingleAsync(p => p.Id == partId, ct)).Version;
        }

        var admin = await TestApp.ActorAsync(_services, "admin");
        var counts = await Task.WhenAll(new[] { 60m, 61m }.Select(counted => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<SparePartService>().CountStockAsync(admin, partId,
                    new StockCountForm { WarehouseId = warehouseId, Counted = counted, Reason = "月度盘点", Version = version }, ct);
                return (counted, Saved: true);
            }
            catch (ConcurrencyConflictException)
            {
                return (counted, Saved: false);
            }
        }, ct)));

        var winner = Assert.Single(counts, c => c.Saved);
        var (_, _, stock) = await StockAsync("WALL-SLEEVE", "上海仓");
        Assert.Equal(winner.counted, stock);
        await using var check = await DbAsync();
        Assert.Equal(1, await check.StockMovements.CountAsync(m => m.SparePartId == partId, ct));
    }

    private async Task<ScrmDbContext> DbAsync() => await _services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();

    private async Task<(long PartId, long WarehouseId, decimal Quantity)> StockAsync(string code, string warehouse)
    {
        await using var db = await DbAsync();
        var part = await db.SpareParts.AsNoTracking().SingleAsync(p => p.Code == code);
        var warehouseId = await db.Warehouses.Where(w => w.Name == warehouse).Select(w => w.Id).SingleAsync();
        return (part.Id, warehouseId, part.StockIn(warehouseId));
    }
}
