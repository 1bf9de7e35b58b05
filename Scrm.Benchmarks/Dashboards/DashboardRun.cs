using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web;
using Scrm.Web.Features.Dashboards;

namespace Scrm.Benchmarks.Dashboards;

/// <summary>
/// Dashboard load on a generated history (<c>generate-history</c>), same run, for this month and the last 12 months:
/// the real readers (<see cref="IRevenueDashboardReader"/>, <see cref="IOperationsDashboardReader"/>) resolved from the
/// app's DI as the admin, which read the rollups; the same sums straight from the rollup tables in SQL; and the naive
/// way, GROUP BY over the ticket and ledger tables. Each timed one call at a time: median and p95, and the ratio.
/// dotnet run -c Release --project Scrm.Benchmarks -- dashboards --db /tmp/gen/history.db [--runs 30] [--naive-runs 5]
/// </summary>
public static class DashboardRun
{
    public static async Task RunAsync(string[] args)
    {
        var file = Argument(args, "--db") ?? throw new ArgumentException("Pass --db /path/to/generated.db");
        var runs = int.Parse(Argument(args, "--runs") ?? "30", System.Globalization.CultureInfo.InvariantCulture);
        var naiveRuns = int.Parse(Argument(args, "--naive-runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        if (!File.Exists(file))
        {
            throw new FileNotFoundException("No such database", file);
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={file}",
        }).Build());
        services.AddScrmFeatures();
        await using var provider = services.BuildServiceProvider();
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        var factory = provider.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var tickets = await db.Tickets.CountAsync();
        var entries = await db.EarningsEntries.CountAsync();
        var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => new Actor(u.Id, u.DisplayName, Role.Admin, ActorChannel.Web, null)).SingleAsync();
        var today = ChinaTime.Today(TimeProvider.System);
        Console.WriteLine($"// {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
        Console.WriteLine($"// {file}: {new FileInfo(file).Length / 1024 / 1024:N0} MB, {tickets:N0} tickets, {entries:N0} ledger entries; runs {runs} (GROUP BY {naiveRuns})");

        // Every timed read follows a change, as a dashboard's refresh does: the shared read cache never answers it.
        var feed = provider.GetRequiredService<IChangeFeed>();
        Task<T> AfterAChange<T>(Func<Task<T>> read)
        {
            feed.Publish([new Change(ChangeKinds.Settlement, 0, 0, ["Benchmark"], "", "")]);
            return read();
        }

        await using var scope = provider.CreateAsyncScope();
        var revenue = scope.ServiceProvider.GetService<IRevenueDashboardReader>();
        var operations = scope.ServiceProvider.GetService<IOperationsDashboardReader>();
        if (revenue is null || operations is null)
        {
            Console.WriteLine("// The dashboard readers are not registered in AddScrmFeatures yet: timing the rollup SQL only.");
        }

        Console.WriteLine($"{"period",-10} {"dashboard",-11} {"way",-24} {"median ms",10} {"p95 ms",10} {"× GROUP BY",11}");
        foreach (var (name, period) in new[]
        {
            ("month", DashboardPeriod.For(PeriodPreset.ThisMonth, today)),
            ("12 months", new DashboardPeriod(PeriodPreset.Custom, today.AddMonths(-12).AddDays(1), today)),
        })
        {
            var naiveRevenue = Time(naiveRuns, () => NaiveDashboards.Revenue(connection, period.From, period.To, rollups: false));
            var naiveOperations = Time(naiveRuns, () => NaiveDashboards.Operations(connection, period.From, period.To, rollups: false));
            var rollupRevenue = Time(runs, () => NaiveDashboards.Revenue(connection, period.From, period.To, rollups: true));
            var rollupOperations = Time(runs, () => NaiveDashboards.Operations(connection, period.From, period.To, rollups: true));
            Print(name, "revenue", "GROUP BY ledger", naiveRevenue, null);
            Print(name, "revenue", "rollup tables (SQL)", rollupRevenue, naiveRevenue);
            if (revenue is not null)
            {
                Print(name, "revenue", "IRevenueDashboardReader", await TimeAsync(runs, () => AfterAChange(() => revenue.ReadAsync(admin, period, RegionFilter.All, default))), naiveRevenue);
            }

            Print(name, "operations", "GROUP BY tickets", naiveOperations, null);
            Print(name, "operations", "rollup tables (SQL)", rollupOperations, naiveOperations);
            if (operations is not null)
            {
                Print(name, "operations", "IOperationsDashboardReader", await TimeAsync(runs, () => AfterAChange(() => operations.ReadAsync(admin, period, RegionFilter.All, default))), naiveOperations);
            }

            // The ledger and the rollups must say the same (to the fen); operations minutes differ by SQLite's float arithmetic at most.
            Console.WriteLine($"// {name}: revenue sums {(naiveRevenue.Result == rollupRevenue.Result ? "agree" : "DIFFER")}, " +
                $"operations sums {(naiveOperations.Result == rollupOperations.Result ? "agree" : "differ (minutes rounding)")}");
        }
    }

    private sealed record Timing(double Median, double P95, long Result);

    private static Timing Time(int runs, Func<long> read)
    {
        var result = read(); // warm-up: caches, prepared statements
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = read();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return Summary(times, result);
    }

    private static async Task<Timing> TimeAsync<T>(int runs, Func<Task<T>> read)
    {
        await read();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await read();
            times[i] = watch.Elapsed.TotalMilliseconds;
        }

        return Summary(times, 0);
    }

    private static Timing Summary(double[] times, long result)
    {
        Array.Sort(times);
        return new Timing(times[times.Length / 2], times[Math.Min(times.Length - 1, (int)Math.Ceiling(times.Length * 0.95) - 1)], result);
    }

    private static void Print(string period, string dashboard, string way, Timing timing, Timing? naive) =>
        Console.WriteLine($"{period,-10} {dashboard,-11} {way,-24} {timing.Median,10:N1} {timing.P95,10:N1} {(naive is null ? "" : $"{naive.Median / timing.Median:N0}×"),11}");

    private static string? Argument(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
