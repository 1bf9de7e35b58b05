using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks.Pipeline;

/// <summary>
/// The save pipeline on a SQLite file with the demo company: one ticket status change saved through the one pipeline
/// (events, version bump, audit, one save) against the old two-save audited save, and 50 tickets created at once.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class PipelineBenchmarks
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"scrm-pipeline-bench-{Guid.NewGuid():N}");
    private ServiceProvider _services = default!;
    private IDbContextFactory<ScrmDbContext> _factory = default!;
    private Actor _agent = default!;
    private TicketForm _form = default!;
    private long _ticketId;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={Path.Combine(_folder, "scrm.db")}",
        }).Build());
        services.AddScrmFeatures();
        _services = services.BuildServiceProvider();
        await _services.MigrateScrmDatabaseAsync();
        _factory = _services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        await using (var db = await _factory.CreateDbContextAsync())
        {
            await DemoCompanySeeder.SeedAsync(db, TimeProvider.System, ticketCount: 20);
            var agent = await db.UserProfiles.SingleAsync(u => u.UserName == "agent");
            _agent = new Actor(agent.Id, agent.DisplayName, agent.Role, ActorChannel.Web);
            var repair = await db.TicketTemplates.SingleAsync(t => t.Name == "维修工单");
            _form = new TicketForm
            {
                TemplateId = repair.Id,
                Title = "冰箱不制冷",
                Fields = new(StringComparer.Ordinal) { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
            };
        }

        var tickets = _services.GetRequiredService<TicketService>();
        _ticketId = (await tickets.CreateAsync(_agent, _form)).Id;
        await FlipStatusAsync(db => db.SaveChangesAsync());
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "Transition, old two-save audited save")]
    public Task OldPipeline() => FlipStatusAsync(db => NaiveAuditedSave.SaveAsync(db, _agent, DateTime.UtcNow));

    [Benchmark(Description = "Transition, one save pipeline")]
    public Task NewPipeline() => FlipStatusAsync(db => db.SaveChangesAsync());

    [Benchmark(Description = "50 concurrent CreateAsync")]
    public Task FiftyConcurrentCreations() => Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(_agent, _form);
    })));

    /// <summary>Loads the ticket as a command does, moves it between in progress and on hold, and saves it with <paramref name="save"/>.</summary>
    private async Task FlipStatusAsync(Func<ScrmDbContext, Task> save)
    {
        await using var db = await _factory.CreateDbContextAsync();
        db.Actor = _agent;
        var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == _ticketId);
        ticket.ChangeStatus(ticket.Status == TicketStatus.InProgress ? TicketStatus.OnHold : TicketStatus.InProgress, TimeProvider.System);
        await save(db);
    }
}
