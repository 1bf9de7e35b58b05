using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;

namespace Scrm.Benchmarks.Settlements;

/// <summary>
/// What the dashboards' rollup handlers add to a completion that settles: two hosts in one process, one with the app's
/// services as registered and one without <c>TicketRollups</c> and <c>MoneyRollups</c>, each on its own SQLite file with
/// the same demo company and prices. Completions alternate between the hosts (A B, then B A, ...) so the machine's load
/// falls on both alike; each completion is timed on its own (wall clock, and the process's CPU time).
/// dotnet run -c Release --project Scrm.Benchmarks -- settlement-rollups [--tickets 400]
/// </summary>
public static class RollupOverheadRun
{
    private const int WarmUp = 20;

    public static async Task RunAsync(string[] args)
    {
        var count = args.SkipWhile(a => a != "--tickets").Skip(1).Select(int.Parse).FirstOrDefault(400);
        await using var with = await SettlementHost.StartAsync(rollups: true);
        await using var without = await SettlementHost.StartAsync(rollups: false);
        Console.WriteLine($"// {Environment.ProcessorCount} cores, load average {Live.LiveReport.LoadAverage()}; {count} completions per host, alternating");
        var withBefore = await RollupRowsAsync(with);
        var withoutBefore = await RollupRowsAsync(without);

        var withIds = await with.World.StartedAsync(with.Provider, WarmUp + count, withWork: true);
        var withoutIds = await without.World.StartedAsync(without.Provider, WarmUp + count, withWork: true);
        var withTimes = new Times();
        var withoutTimes = new Times();
        for (var i = 0; i < withIds.Count; i++)
        {
            // The first completions warm up EF's caches on both hosts and are not counted.
            var pair = new[] { (with, withIds[i], withTimes), (without, withoutIds[i], withoutTimes) };
            if (i % 2 == 1)
            {
                Array.Reverse(pair);
            }

            foreach (var (host, id, times) in pair)
            {
                await CompleteAsync(host, id, i < WarmUp ? null : times);
            }
        }

        SettlementRun.Report("Completion that settles, with the rollup handlers   ", withTimes.Wall);
        SettlementRun.Report("Completion that settles, without the rollup handlers", withoutTimes.Wall);
        var paired = withTimes.Wall.Zip(withoutTimes.Wall, (w, o) => w - o).ToList();
        var (median, p95) = (Median(withTimes.Wall) - Median(withoutTimes.Wall), P95(withTimes.Wall) - P95(withoutTimes.Wall));
        Console.WriteLine(FormattableString.Invariant(
            $"Added by the rollups: median {median:F2} ms, p95 {p95:F2} ms; median of the paired differences {Median(paired):F2} ms (target <= 2 ms)"));
        var (cpuWith, cpuWithout) = (withTimes.Cpu.Average(), withoutTimes.Cpu.Average());
        Console.WriteLine(FormattableString.Invariant(
            $"Process CPU per completion: with {cpuWith:F2} ms, without {cpuWithout:F2} ms, added {cpuWith - cpuWithout:F2} ms"));
        Console.WriteLine($"// load average {Live.LiveReport.LoadAverage()}");

        var withAfter = await RollupRowsAsync(with);
        var withoutAfter = await RollupRowsAsync(without);
        Console.WriteLine($"// Check, with the rollups: before the completions {withBefore}; after {withAfter}");
        Console.WriteLine($"// Check, without: before {withoutBefore}; after {withoutAfter}");
        var completions = WarmUp + count;
        if (withAfter.RevenueDays == 0 || withAfter.Posted - withBefore.Posted != completions
            || withAfter.SettledToday - withBefore.SettledToday != completions)
        {
            throw new InvalidOperationException($"The host with the rollup handlers did not post and book all {completions} settlements in RevenueDayRollups.");
        }

        if (withoutAfter.RevenueDays + withoutAfter.PayeeDays + withoutAfter.TicketDays != 0 || withoutAfter.Posted - withoutBefore.Posted != completions)
        {
            throw new InvalidOperationException($"The host without the rollup handlers wrote rollup rows, or did not post all {completions} settlements.");
        }
    }

    /// <summary>Resolves ticket <paramref name="id"/> in its own save; records its wall-clock and CPU time unless warming up.</summary>
    private static async Task CompleteAsync(SettlementHost host, long id, Times? times)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        await SettlementRun.MoveAsync(host.Factory, host.World, id, TicketStatus.Resolved);
        times?.Wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        times?.Cpu.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
    }

    private static async Task<RollupRows> RollupRowsAsync(SettlementHost host)
    {
        await using var db = await host.Factory.CreateDbContextAsync();
        var today = Scrm.Domain.Common.EffectiveDates.ChinaDate(DateTime.UtcNow);
        return new RollupRows(
            await db.RevenueDayRollups.CountAsync(),
            await db.PayeeDayRollups.CountAsync(),
            await db.TicketDayRollups.CountAsync(),
            await db.RevenueDayRollups.Where(r => r.Day == today).SumAsync(r => r.Settled),
            await db.Settlements.CountAsync(s => s.State == SettlementState.Posted));
    }

    private static double Median(List<double> times) => SettlementRun.Percentile(times, 0.5);

    private static double P95(List<double> times) => SettlementRun.Percentile(times, 0.95);

    private sealed class Times
    {
        public List<double> Wall { get; } = [];

        public List<double> Cpu { get; } = [];
    }

    private sealed record RollupRows(int RevenueDays, int PayeeDays, int TicketDays, long SettledToday, int Posted)
    {
        public override string ToString() =>
            $"RevenueDayRollups {RevenueDays}, PayeeDayRollups {PayeeDays}, TicketDayRollups {TicketDays}; settlements booked today in RevenueDayRollups "
            + $"{SettledToday}, settlements posted {Posted}";
    }
}
