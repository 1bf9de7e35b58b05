using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Finance;

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
    internal const int Batch = 100;

    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--tickets").Skip(1).Select(int.Parse).FirstOrDefault(600);
        // The command counter only when asked for: the measured runs have the app's configuration, no interceptor.
        var counter = args.Contains("--sql") ? new CommandCounter() : null;
        await using var host = await SettlementHost.StartAsync(interceptor: counter);
        var (provider, factory, world) = (host.Provider, host.Factory, host.World);
        Console.WriteLine($"// {Environment.ProcessorCount} cores, {RuntimeInformationText()}; {count} tickets per measurement");

        if (counter is not null)
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

    /// <summary>Moves each ticket to <paramref name="to"/> in its own save, as the ticket page's button does; returns each time in ms.</summary>
    private static async Task<List<double>> TimeEachAsync(IDbContextFactory<ScrmDbContext> factory, SettlementWorld world, List<long> ids, TicketStatus to)
    {
        var times = new List<double>(ids.Count);
        foreach (var id in ids)
        {
            var started = Stopwatch.GetTimestamp();
            await MoveAsync(factory, world, id, to);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return times;
    }

    /// <summary>Moves one ticket to <paramref name="to"/> in its own save, as the ticket page's button does.</summary>
    internal static async Task MoveAsync(IDbContextFactory<ScrmDbContext> factory, SettlementWorld world, long id, TicketStatus to)
    {
        await using var db = await factory.CreateDbContextAsync();
        db.Actor = world.Agent;
        var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id);
        ticket.ChangeStatus(to, TimeProvider.System);
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Moves the tickets to <paramref name="to"/>, <paramref name="batch"/> per save; returns tickets per second, and the
    /// process's CPU time per ticket (steadier than the wall clock on a machine shared with other work).
    /// </summary>
    internal static async Task<Rate> ThroughputAsync(IDbContextFactory<ScrmDbContext> factory, SettlementWorld world, List<long> ids, int batch, TicketStatus to)
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
    private static async Task<Rate> PostHeldAsync(IDbContextFactory<ScrmDbContext> factory, SettlementWorld world, List<long> ticketIds, int batch)
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

    internal sealed record Rate(double PerSecond, double CpuMsPerTicket)
    {
        public override string ToString() => FormattableString.Invariant($"{PerSecond:F0} tickets/s ({CpuMsPerTicket:F2} ms CPU per ticket)");
    }

    internal static void Report(string name, List<double> times)
    {
        Console.WriteLine(FormattableString.Invariant(
            $"{name}: median {Percentile(times, 0.5):F2} ms, p95 {Percentile(times, 0.95):F2} ms, max {times.Max():F2} ms (n = {times.Count})"));
    }

    /// <summary>The nearest-rank percentile: the smallest time with at least <paramref name="p"/> of them at or below it.</summary>
    internal static double Percentile(List<double> times, double p) => times.Order().ElementAt((int)Math.Ceiling(p * times.Count) - 1);

    private static string RuntimeInformationText() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}";
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
