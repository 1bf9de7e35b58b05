using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Scrm.Benchmarks.Fixture;
using Scrm.Data.Providers;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Benchmarks;

/// <summary>
/// The ticket center's list query on 100,000 tickets (see <see cref="BenchmarkQueries"/>). Like the app, every call
/// uses a fresh context on a pooled SQLite connection. Target: <see cref="StatusAndSearch"/> median ≤ 50 ms.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class TicketListBenchmarks
{
    private DbContextOptions<SqliteScrmDbContext> _options = null!;
    private BenchmarkQueries _queries = null!;
    private RegionScope _zhejiang = null!;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _options = BenchmarkDatabase.Options(await BenchmarkDatabase.EnsureAsync());
        await using var db = new SqliteScrmDbContext(_options);
        _queries = await BenchmarkQueries.LoadAsync(db);

        // A regional user of 浙江省: the province and its six cities, as RegionScope.ForAsync would read them.
        var province = await db.Regions.Where(r => r.Name == "浙江省").Select(r => r.Id).SingleAsync();
        _zhejiang = RegionScope.Of(await db.Regions.Where(r => r.Id == province || r.ParentId == province).Select(r => r.Id).ToListAsync());

        // The naive version is only a fair comparison if it answers the same question.
        var query = await TicketListQuery.RunAsync(db, _queries.StatusAndSearch, RegionScope.All);
        var naive = await NaiveTicketList.RunAsync(db, _queries.StatusAndSearch);
        if (query.Total != naive.Total || !query.Items.Select(r => r.Id).SequenceEqual(naive.Items.Select(r => r.Id)))
        {
            throw new InvalidOperationException($"The naive list disagrees with TicketListQuery: {naive.Total} vs {query.Total} tickets.");
        }
    }

    [Benchmark(Baseline = true, Description = "In progress + search (target)")]
    public async Task<PagedResult<TicketRow>> StatusAndSearch()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await TicketListQuery.RunAsync(db, _queries.StatusAndSearch, RegionScope.All);
    }

    [Benchmark(Description = "浙江省 user's scope: in progress + search")]
    public async Task<PagedResult<TicketRow>> ScopedStatusAndSearch()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await TicketListQuery.RunAsync(db, _queries.StatusAndSearch, _zhejiang);
    }

    [Benchmark(Description = "Closed + search")]
    public async Task<PagedResult<TicketRow>> BroadStatusAndSearch()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await TicketListQuery.RunAsync(db, _queries.BroadStatusAndSearch, RegionScope.All);
    }

    [Benchmark(Description = "No filter")]
    public async Task<PagedResult<TicketRow>> NoFilter()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await TicketListQuery.RunAsync(db, _queries.NoFilter, RegionScope.All);
    }

    [Benchmark(Description = "Province + urgency + search")]
    public async Task<PagedResult<TicketRow>> RegionUrgencyAndSearch()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await TicketListQuery.RunAsync(db, _queries.RegionUrgencyAndSearch, RegionScope.All);
    }

    [Benchmark(Description = "Naive in memory: in progress + search")]
    public async Task<PagedResult<TicketRow>> NaiveInMemory()
    {
        await using var db = new SqliteScrmDbContext(_options);
        return await NaiveTicketList.RunAsync(db, _queries.StatusAndSearch);
    }
}
