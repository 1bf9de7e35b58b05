using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Finance;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks.Settlements;

/// <summary>
/// Settlement posting on a SQLite file with the demo company, timed one operation at a time (a p95 needs each
/// completion's own time, which BenchmarkDotNet's per-iteration means do not give):
/// single completions (resolve one repair ticket with two services and a part recorded: settlement, lines, ledger rows,
/// stock, all in the completion's save) against the same status change without settling; then completions in batches
/// of 100 in one save against the same 100 saved one by one; and held settlements posted once a price book fills their
/// gap (what the outbox consumer does after a publication), 100 per save against one per save.
/// dotnet run -c Release --project Scrm.Benchmarks -- settlement [--tickets 600]
/// </summary>
public static class SettlementRun
{
    private const int Batch = 100;

    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--tickets").Skip(1).Select(int.Parse).FirstOrDefault(600);
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
        var counter = new CommandCounter();
        services.ConfigureDbContext<Scrm.Data.Providers.SqliteScrmDbContext>(o => o.AddInterceptors(counter));
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.MigrateScrmDatabaseAsync();
            var factory = provider.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
            var world = await World.PrepareAsync(provider, factory);
            Console.WriteLine($"// {Environment.ProcessorCount} cores, {RuntimeInformationText()}; {count} tickets per measurement");

            if (args.Contains("--sql"))
            {
                var sample = await world.StartedAsync(provider, 10, withWork: true);
                Console.WriteLine("// ---- 10 completions in one save ----");
                counter.Commands.Clear();
                await ThroughputAsync(factory, world, sample, 10, TicketStatus.Resolved);
                foreach (var g in counter.Commands.ToList().GroupBy(c => c).OrderByDescending(g => g.Count()))
                {
                    Console.WriteLine($"{g.Count(),5}  {g.Key}");
                }

                return;
            }

            // Warm up EF's query and model caches on both paths.
            await TimeEachAsync(factory, world, await world.StartedAsync(provider, 20, withWork: true), TicketStatus.Resolved);
            await TimeEachAsync(factory, world, await world.StartedAsync(provider, 20, withWork: false), TicketStatus.OnHold);

            var plain = await TimeEachAsync(factory, world, await world.StartedAsync(provider, count, withWork: false), TicketStatus.OnHold);
            var settled = await TimeEachAsync(factory, world, await world.StartedAsync(provider, count, withWork: true), TicketStatus.Resolved);
            Report("Status change, no settlement (baseline)", plain);
            Report("Completion that settles (3 lines, ledger, stock)", settled);

            var plainBatched = await ThroughputAsync(factory, world, await world.StartedAsync(provider, count, withWork: false), Batch, TicketStatus.OnHold);
            var oneByOne = await ThroughputAsync(factory, world, await world.StartedAsync(provider, count, withWork: true), 1, TicketStatus.Resolved);
            var batched = await ThroughputAsync(factory, world, await world.StartedAsync(provider, count, withWork: true), Batch, TicketStatus.Resolved);
            Console.WriteLine($"Status changes, no settlement, saved {Batch} per save (baseline): {plainBatched}");
            Console.WriteLine($"Completions saved one by one: {oneByOne}");
            Console.WriteLine(FormattableString.Invariant($"Completions saved {Batch} per save: {batched}, {batched.PerSecond / oneByOne.PerSecond:F1}× one by one"));

            // Held settlements posted when a price book fills their gap, as RetryHeldSettlements does after the publication.
            var heldOneByOne = await world.HeldAsync(provider, factory, count);
            var heldBatched = await world.HeldAsync(provider, factory, count);
            await world.PublishGapPriceAsync(factory);
            var postedOneByOne = await PostHeldAsync(factory, world, heldOneByOne, 1);
            var postedBatched = await PostHeldAsync(factory, world, heldBatched, Batch);
            Console.WriteLine($"Held settlements posted after a publication, one per save: {postedOneByOne}");
            Console.WriteLine(FormattableString.Invariant($"Held settlements posted after a publication, {Batch} per save: {postedBatched}, {postedBatched.PerSecond / postedOneByOne.PerSecond:F1}× one by one"));

            await using var db = await factory.CreateDbContextAsync();
            var posted = await db.Settlements.CountAsync(s => s.State == SettlementState.Posted);
            var held = await db.Settlements.CountAsync(s => s.State == SettlementState.Held);
            Console.WriteLine($"// Check: {posted} settlements posted, {held} held (every completion with work must post: held = 0)");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Moves each ticket to <paramref name="to"/> in its own save, as the ticket page's button does; returns each time in ms.</summary>
    private static async Task<List<double>> TimeEachAsync(IDbContextFactory<ScrmDbContext> factory, World world, List<long> ids, TicketStatus to)
    {
        var times = new List<double>(ids.Count);
        foreach (var id in ids)
        {
            var started = Stopwatch.GetTimestamp();
            await using var db = await factory.CreateDbContextAsync();
            db.Actor = world.Agent;
            var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id);
            ticket.ChangeStatus(to, TimeProvider.System);
            await db.SaveChangesAsync();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    /// <summary>
    /// Moves the tickets to <paramref name="to"/>, <paramref name="batch"/> per save; returns tickets per second, and the
    /// process's CPU time per ticket (steadier than the wall clock on a machine shared with other work).
    /// </summary>
    private static async Task<Rate> ThroughputAsync(IDbContextFactory<ScrmDbContext> factory, World world, List<long> ids, int batch, TicketStatus to)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in ids.Chunk(batch))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Actor = world.Agent;
            foreach (var ticket in await db.Tickets.Include(t => t.Fields).Where(t => chunk.Contains(t.Id)).ToListAsync())
            {
                ticket.ChangeStatus(to, TimeProvider.System);
            }

            await db.SaveChangesAsync();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Rate(ids.Count / elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / ids.Count);
    }

    /// <summary>Prices the held settlements of the tickets again, <paramref name="batch"/> per save, as the outbox consumer does.</summary>
    private static async Task<Rate> PostHeldAsync(IDbContextFactory<ScrmDbContext> factory, World world, List<long> ticketIds, int batch)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in ticketIds.Chunk(batch))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.Actor = world.Agent;
            var held = await db.Settlements.Where(s => chunk.Contains(s.TicketId) && s.State == SettlementState.Held).ToListAsync();
            await HeldSettlements.RetryAsync(db, held, DateTime.UtcNow, CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Rate(ticketIds.Count / elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / ticketIds.Count);
    }

    private sealed record Rate(double PerSecond, double CpuMsPerTicket)
    {
        public override string ToString() => FormattableString.Invariant($"{PerSecond:F0} tickets/s ({CpuMsPerTicket:F2} ms CPU per ticket)");
    }

    private static void Report(string name, List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        Console.WriteLine(FormattableString.Invariant($"{name}: median {At(0.5):F2} ms, p95 {At(0.95):F2} ms, max {sorted[^1]:F2} ms (n = {sorted.Count})"));
    }

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";

    /// <summary>The demo company with a price book for every item, tier and partner type, and a technician in 杭州 (B, 自营).</summary>
    private sealed record World(Actor Agent, Actor Technician, TicketForm Form, long ServiceA, long ServiceB, long Part, long Warehouse, long Unpriced)
    {
        public static async Task<World> PrepareAsync(IServiceProvider provider, IDbContextFactory<ScrmDbContext> factory)
        {
            await using var db = await factory.CreateDbContextAsync();
            await DemoCompanySeeder.SeedAsync(db, TimeProvider.System, ticketCount: 20);
            await PublishPricesAsync(db);
            Actor ActorOf(Scrm.Domain.Users.UserProfile u) => new(u.Id, u.DisplayName, u.Role, ActorChannel.Web);
            var agent = ActorOf(await db.UserProfiles.SingleAsync(u => u.UserName == "agent"));
            var technician = ActorOf(await db.UserProfiles.SingleAsync(u => u.UserName == "tech2"));
            var repair = await db.TicketTemplates.SingleAsync(t => t.Name == "维修工单");
            var hangzhou = await db.Regions.SingleAsync(r => r.Name == "杭州");
            var unpriced = new Scrm.Domain.Catalog.ServiceItem("BENCH-NEW", "新服务（尚未定价）", "冰箱", "次");
            db.Add(unpriced);
            await db.SaveChangesAsync();
            var form = new TicketForm
            {
                TemplateId = repair.Id,
                Title = "冰箱不制冷",
                RegionId = hangzhou.Id,
                AssigneeId = technician.UserId,
                Fields = new(StringComparer.Ordinal) { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
            };
            return new World(agent, technician, form,
                await db.ServiceItems.Where(i => i.Code == "FR-REPAIR").Select(i => i.Id).SingleAsync(),
                await db.ServiceItems.Where(i => i.Code == "FR-GAS").Select(i => i.Id).SingleAsync(),
                await db.SpareParts.Where(p => p.Code == "GAS-R32").Select(p => p.Id).SingleAsync(),
                await db.Warehouses.Where(w => w.Name == "杭州仓").Select(w => w.Id).SingleAsync(),
                unpriced.Id);
        }

        /// <summary>Repair tickets in progress, through the app's services; with two services and a part recorded, or none.</summary>
        public async Task<List<long>> StartedAsync(IServiceProvider provider, int count, bool withWork)
        {
            var ids = new List<long>(count);
            for (var i = 0; i < count; i++)
            {
                await using var scope = provider.CreateAsyncScope();
                var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
                var (id, _) = await tickets.CreateAsync(Agent, Form);
                var view = (await tickets.GetAsync(Agent, id))!;
                var version = view.Version;
                foreach (var next in TicketStatusRules.Path(view.Status, TicketStatus.InProgress))
                {
                    version = await tickets.ChangeStatusAsync(Agent, id, version, next);
                }

                if (withWork)
                {
                    var work = scope.ServiceProvider.GetRequiredService<WorkService>();
                    await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = ServiceA, Quantity = 1 });
                    await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = ServiceB, Quantity = 1 });
                    await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Part, ItemId = Part, Quantity = 0.5m, WarehouseId = Warehouse });
                }

                ids.Add(id);
            }

            return ids;
        }

        /// <summary>Tickets completed with the work of <see cref="StartedAsync"/> and a service no price book has yet: held.</summary>
        public async Task<List<long>> HeldAsync(IServiceProvider provider, IDbContextFactory<ScrmDbContext> factory, int count)
        {
            var ids = await StartedAsync(provider, count, withWork: true);
            await using (var scope = provider.CreateAsyncScope())
            {
                var work = scope.ServiceProvider.GetRequiredService<WorkService>();
                foreach (var id in ids)
                {
                    await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = Unpriced, Quantity = 1 });
                }
            }

            await ThroughputAsync(factory, this, ids, Batch, TicketStatus.Resolved);
            return ids;
        }

        /// <summary>Publishes tomorrow's version with the new service's price, which fills today's gap (decision 0015).</summary>
        public async Task PublishGapPriceAsync(IDbContextFactory<ScrmDbContext> factory)
        {
            await using var db = await factory.CreateDbContextAsync();
            var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync();
            var published = await db.PriceBookVersions.Where(v => v.State == PriceBookState.Published).Select(v => v.EffectiveFrom).ToListAsync();
            var number = await db.PriceBookVersions.MaxAsync(v => v.Number) + 1;
            var version = PriceBookVersion.Draft(number, ChinaTime.Today(TimeProvider.System).AddDays(1), null, admin, TimeProvider.System);
            foreach (var partnerType in await db.PartnerTypes.Select(t => t.Id).ToListAsync())
            {
                version.SetPrice(new PriceKey(PricedItemKind.Service, Unpriced, "B", partnerType), 66.60m, 99m);
            }

            version.Approve(finance, published, TimeProvider.System);
            db.Add(version);
            await db.SaveChangesAsync();
        }

        private static async Task PublishPricesAsync(ScrmDbContext db)
        {
            if (await db.PriceBookVersions.AnyAsync(v => v.State == PriceBookState.Published))
            {
                return;
            }

            var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync();
            var version = PriceBookVersion.Draft(1, ChinaTime.Today(TimeProvider.System), null, admin, TimeProvider.System);
            var partnerTypes = await db.PartnerTypes.Select(t => t.Id).ToListAsync();
            var keys = (await db.ServiceItems.Select(i => i.Id).ToListAsync()).Select(id => (PricedItemKind.Service, id))
                .Concat((await db.SpareParts.Select(p => p.Id).ToListAsync()).Select(id => (PricedItemKind.Part, id)));
            foreach (var (kind, itemId) in keys)
            {
                foreach (var tier in new[] { "A", "B", "C" })
                {
                    foreach (var partnerType in partnerTypes)
                    {
                        version.SetPrice(new PriceKey(kind, itemId, tier, partnerType), 88.50m, 120m);
                    }
                }
            }

            version.Approve(finance, [], TimeProvider.System);
            db.Add(version);
            await db.SaveChangesAsync();
        }
    }
}

internal sealed class CommandCounter : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public System.Collections.Concurrent.ConcurrentQueue<string> Commands { get; } = new();

    public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(
        System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
        Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Commands.Enqueue(command.CommandText.ReplaceLineEndings(" ")[..Math.Min(150, command.CommandText.Length)]);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
