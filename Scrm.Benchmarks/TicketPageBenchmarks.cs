using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Providers;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Web;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks;

/// <summary>
/// Opening a ticket page for the desk: <see cref="TicketService.GetAsync"/> with warm caches against the old one-query-per-thing
/// read (<see cref="NaiveTicketPage"/>). The database is the seeded demo company in a temporary file; the ticket is the
/// one with the longest workflow path. Setup prints how many statements each sends.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class TicketPageBenchmarks
{
    private readonly StatementCounter _counter = new();
    private string _folder = null!;
    private ServiceProvider _services = null!;
    private AsyncServiceScope _scope;
    private IDbContextFactory<ScrmDbContext> _contexts = null!;
    private TicketService _tickets = null!;
    private TimeProvider _time = null!;
    private Actor _agent = null!;
    private long _ticketId;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _folder = Directory.CreateTempSubdirectory("scrm-ticket-page-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProvider.Sqlite,
            ["ConnectionStrings:Scrm"] = $"Data Source={Path.Combine(_folder, "scrm.db")}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero)));
        services.AddLogging();
        services.AddScrmData(configuration);
        services.ConfigureDbContext<SqliteScrmDbContext>(o => o.AddInterceptors(_counter));
        services.AddScrmFeatures();
        _services = services.BuildServiceProvider();
        await _services.MigrateScrmDatabaseAsync();
        _contexts = _services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        _time = _services.GetRequiredService<TimeProvider>();
        await using (var db = await _contexts.CreateDbContextAsync())
        {
            await DemoCompanySeeder.SeedAsync(db, _time);
            _ticketId = await db.Tickets.Where(t => t.WorkflowId != null).OrderByDescending(t => t.Visits.Count()).ThenBy(t => t.Id).Select(t => t.Id).FirstAsync();
            var agent = await db.UserProfiles.SingleAsync(u => u.UserName == "agent");
            _agent = new Actor(agent.Id, agent.DisplayName, agent.Role, ActorChannel.Web);
        }

        _scope = _services.CreateAsyncScope();
        _tickets = _scope.ServiceProvider.GetRequiredService<TicketService>();
        var (naive, naiveStatements) = await CountAsync(Naive);
        var (cold, coldStatements) = await CountAsync(Cached);
        var (warm, warmStatements) = await CountAsync(Cached);
        if (naive is null || warm is null || cold is null || naive.Workflow!.Path.Count != warm.Workflow!.Path.Count
            || naive.Workflow.Buttons.Count != warm.Workflow.Buttons.Count || naive.CustomerName != warm.CustomerName || naive.RegionName != warm.RegionName)
        {
            throw new InvalidOperationException("The naive page read disagrees with TicketService.GetAsync.");
        }

        Console.WriteLine($"// Ticket {_ticketId}: {warm.Workflow.Path.Count} visits, {warm.Fields.Count} field values. Statements per open: "
            + $"naive {naiveStatements}, first cached open {coldStatements}, warm {warmStatements}.");
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Naive: a query per thing, no caches")]
    public async Task<TicketView?> Naive()
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await NaiveTicketPage.LoadAsync(db, _agent, _ticketId, _time);
    }

    [Benchmark(Description = "TicketService.GetAsync, warm caches")]
    public Task<TicketView?> Cached() => _tickets.GetAsync(_agent, _ticketId);

    private async Task<(TicketView? View, int Statements)> CountAsync(Func<Task<TicketView?>> open)
    {
        var before = _counter.Count;
        var view = await open();
        return (view, _counter.Count - before);
    }

    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
