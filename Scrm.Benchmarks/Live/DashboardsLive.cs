using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrm.Benchmarks.Boards;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;
using static Scrm.Benchmarks.Live.LiveReport;

namespace Scrm.Benchmarks.Live;

/// <summary>
/// <c>dashboards-live</c>: this month's revenue dashboard open in 20 real Chromium pages against the real app in this
/// process (on a copy of the board database: the demo company with its settled history). A technician resolves repairs one
/// at a time through <see cref="TicketService"/>; each resolve settles, and the run records how long the revenue KPI takes
/// to change on every open dashboard.
/// </summary>
public static class DashboardsLive
{
    private const string Viewer = "finance";
    private const string Desk = "agent";
    private const string Technician = "tech2";
    private const string Dashboard = "dashboards/revenue?period=month";
    private const string Watched = "kpi-revenue";

    public sealed record Options(int Tickets = 1_000, int Pages = 20, int Changes = 30)
    {
        /// <summary>Reads <c>--tickets N --pages P --changes K</c>; anything else keeps its default.</summary>
        public static Options Parse(IReadOnlyList<string> args) =>
            new(LiveArgs.Read(args, "--tickets", 1_000), LiveArgs.Read(args, "--pages", 20), LiveArgs.Read(args, "--changes", 30));
    }

    public static async Task RunAsync(Options options, CancellationToken ct = default)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"dashboards-live: {options.Pages} Chromium pages as {Viewer} on /{Dashboard}, {options.Changes} settlements; "
            + $"{Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var database = await BoardDatabase.CopyAsync(await BoardDatabase.EnsureAsync(options.Tickets, ct), ct);
        try
        {
            await using var app = LiveApp.Start(database);
            Console.WriteLine($"App on {app.BaseAddress} (database copy {database})");
            Console.WriteLine($"Settling background work: {await app.SettleAsync(ct)}");

            // One more than measured: the first settlement warms up the settling and the dashboards' reads.
            var repairs = await StartRepairsAsync(app.Services, options.Changes + 1, ct);
            Console.WriteLine($"{repairs.Count} repairs started with work recorded; settling again: {await app.SettleAsync(ct)}");

            var stopwatch = Stopwatch.StartNew();
            await using var browser = await SignedInPages.OpenAsync(app.BaseAddress, options.Pages, Viewer, DemoCompanySeeder.DemoPassword);
            foreach (var page in browser.Pages)
            {
                await DashboardPages.OpenAsync(page, Dashboard);
            }

            Console.WriteLine($"{options.Pages} contexts signed in as {Viewer}, each on the dashboard with its {DashboardPages.KpiCards.Length} KPI cards, "
                + $"in {stopwatch.Elapsed.TotalSeconds:F1} s");
            await MeasureSettlementsAsync(app.Services, browser.Pages, repairs, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }

        Console.WriteLine($"dashboards-live done in {total.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Repairs in 杭州 for 孙伟 (tech2, 自营) as the desk and the technician make them: created, started, one AC-REPAIR
    /// recorded (the demo price book prices it). Resolving one settles.
    /// </summary>
    private static async Task<List<long>> StartRepairsAsync(IServiceProvider services, int count, CancellationToken ct)
    {
        var desk = await BoardDatabase.ActorAsync(services, Desk, ct);
        var technician = await BoardDatabase.ActorAsync(services, Technician, ct);
        TicketForm form;
        long repair;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct))
        {
            repair = await db.ServiceItems.Where(i => i.Code == "AC-REPAIR").Select(i => i.Id).SingleAsync(ct);
            form = new TicketForm
            {
                TemplateId = await db.TicketTemplates.Where(t => t.Name == BoardTickets.TemplateName).Select(t => t.Id).SingleAsync(ct),
                Title = "看板基准 空调不制冷",
                RegionId = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(ct),
                AssigneeId = technician.UserId,
                Fields = new(StringComparer.Ordinal) { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
            };
        }

        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            var (id, _) = await tickets.CreateAsync(desk, form, ct);
            var version = (await tickets.GetAsync(technician, id, ct))!.Version;
            await tickets.ChangeStatusAsync(technician, id, version, TicketStatus.InProgress, ct);
            await scope.ServiceProvider.GetRequiredService<WorkService>().RecordAsync(technician, id,
                new WorkForm { Kind = PricedItemKind.Service, ItemId = repair, Quantity = 1 }, ct);
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>
    /// Each repair resolved by its technician through <see cref="TicketService.ChangeStatusAsync"/>, one at a time. Before
    /// each, every page installs a MutationObserver that records Date.now() when the revenue KPI no longer shows what it
    /// showed; latency = that minus the wall clock when the command (its save, settlement and rollups included) returned.
    /// Afterwards every page must show the old revenue plus the settlement's, to the fen.
    /// </summary>
    private static async Task MeasureSettlementsAsync(IServiceProvider services, IReadOnlyList<IPage> pages, List<long> repairs, CancellationToken ct)
    {
        var technician = await BoardDatabase.ActorAsync(services, Technician, ct);
        var samples = new List<double>();
        var commands = new List<double>();
        var warmUp = 0d;
        var cpu = TimeSpan.Zero;
        for (var i = 0; i < repairs.Count; i++)
        {
            var id = repairs[i];
            var before = await AgreedValueAsync(pages);
            await Task.WhenAll(pages.Select(p => DashboardPages.WatchChangeAsync(p, Watched, before)));

            await using var scope = services.CreateAsyncScope();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            var version = (await tickets.GetAsync(technician, id, ct) ?? throw new InvalidOperationException($"Ticket {id} is gone.")).Version;
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var started = Stopwatch.GetTimestamp();
            await tickets.ChangeStatusAsync(technician, id, version, TicketStatus.Resolved, ct);
            var returned = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var command = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var seen = await Task.WhenAll(pages.Select(DashboardPages.ChangedAtAsync));
            var latencies = seen.Select(s => (double)(s - returned)).ToList();

            var expected = Money.Format(Yuan(before) + await SettledRevenueAsync(services, id, ct));
            var after = await AgreedValueAsync(pages);
            if (after != expected)
            {
                throw new InvalidOperationException($"Settlement {i + 1} (ticket {id}): the dashboards show {after}, expected {expected} (was {before}).");
            }

            if (i == 0)
            {
                warmUp = latencies.Max();
                continue;
            }

            cpu += Environment.CpuUsage.TotalTime - cpuBefore;
            commands.Add(command);
            samples.AddRange(latencies);
        }

        var measured = repairs.Count - 1;
        Console.WriteLine();
        Console.WriteLine($"Revenue this month on every dashboard at the end: {await AgreedValueAsync(pages)}; every change checked to the fen.");
        Print("TicketService.ChangeStatusAsync -> Resolved, the command itself (settlement, ledger, rollups; ms)", commands);
        Print($"Settlement -> revenue KPI changed on {pages.Count} dashboards, {measured} settlements (ms; the first, warming up, "
            + $"not counted: {warmUp:F0})", samples);
        Console.WriteLine($"  app process CPU per settlement (command, {pages.Count} dashboard reloads, renders, the pages' reads): "
            + $"{cpu.TotalMilliseconds / measured:F0} ms; load average {LoadAverage()}");
    }

    /// <summary>The revenue KPI's text, the same on every page (a page that disagrees is a failed run).</summary>
    private static async Task<string> AgreedValueAsync(IReadOnlyList<IPage> pages)
    {
        var values = await Task.WhenAll(pages.Select(p => DashboardPages.ValueAsync(p, Watched)));
        return values.Distinct(StringComparer.Ordinal).Count() == 1
            ? values[0]
            : throw new InvalidOperationException($"The dashboards disagree: {string.Join(", ", values.Distinct(StringComparer.Ordinal))}");
    }

    /// <summary>What the ticket's posted settlement adds to revenue: the customer amounts of its lines.</summary>
    private static async Task<decimal> SettledRevenueAsync(IServiceProvider services, long ticketId, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        var settlement = await db.Settlements.Include(s => s.Lines).AsNoTracking().SingleAsync(s => s.TicketId == ticketId, ct);
        return settlement.State == SettlementState.Posted
            ? settlement.CustomerTotal
            : throw new InvalidOperationException($"Ticket {ticketId}'s settlement is {settlement.State}, not posted.");
    }

    private static decimal Yuan(string text) =>
        decimal.Parse(text.Replace("¥", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
}
