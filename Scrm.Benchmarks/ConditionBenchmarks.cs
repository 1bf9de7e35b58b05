using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Scrm.Data.Seed;
using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Benchmarks;

/// <summary>
/// Guard evaluation in memory, on the demo installation template. Target: ≥ 100,000 evaluations of a nested guard per second
/// on one core, i.e. a mean ≤ 10 µs for <see cref="NestedGuard"/>, and no allocation.
/// </summary>
[Config(typeof(Config))]
public class ConditionBenchmarks
{
    private static readonly DateTime NowUtc = new(2026, 11, 25, 4, 0, 0, DateTimeKind.Utc);

    private ConditionGroup _guard = null!;
    private ConditionGroup[] _graphGuards = null!;
    private ConditionContext _context = null!;
    private Dictionary<string, FieldType> _types = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var (install, _) = DemoCompanySeeder.Templates();
        _types = install.Fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);
        _guard = Guard("1000.00");

        // One guard per transition of a 20-node graph: the same shape with different amounts, so half of them hold.
        _graphGuards = [.. Enumerable.Range(0, 20).Select(i => Guard((i * 100).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))];

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["product_type"] = "空调",
            ["address"] = "上海市浦东新区张江路 88 号",
            ["purchase_date"] = "2026-11-24",
            ["extra_fee"] = "1500.00",
            ["high_altitude"] = "true",
            ["contact_phone"] = "13800138000",
        };
        _context = new ConditionContext(values, Urgency.Normal, 12, "B", CustomerLevel.Standard, 1, Role.Agent, NowUtc);

        var problems = _graphGuards.SelectMany(g => g.Validate(install)).ToList();
        if (problems.Count > 0 || !_guard.Evaluate(_context, _types))
        {
            throw new InvalidOperationException("The benchmark guard must be valid and hold: " + string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    /// <summary>Ten conditions in three levels that hold only through the innermost group, so every condition is read.</summary>
    [Benchmark(Baseline = true, Description = "Nested guard (10 conditions, 3 levels)")]
    public bool NestedGuard() => _guard.Evaluate(_context, _types);

    [Benchmark(Description = "20 guards of a 20-node graph")]
    public int GraphGuards()
    {
        var holding = 0;
        foreach (var guard in _graphGuards)
        {
            if (guard.Evaluate(_context, _types))
            {
                holding++;
            }
        }

        return holding;
    }

    private static ConditionGroup Guard(string fee) =>
        ConditionGroup.All(
                Condition.OnField("extra_fee", ConditionOperator.GreaterThan, fee),
                Condition.OnField("product_type", ConditionOperator.InList, "空调", "热水器"),
                Condition.OnField("purchase_date", ConditionOperator.WithinLastHours, "72"),
                Condition.OnField("address", ConditionOperator.Contains, "上海"),
                Condition.OnField("contact_phone", ConditionOperator.StartsWith, "138"))
            .With(ConditionGroup.Any(
                    Condition.On(BuiltInSubject.Urgency, ConditionOperator.GreaterOrEqual, "High"),
                    Condition.On(BuiltInSubject.CustomerLevel, ConditionOperator.InList, "Vip", "Key"),
                    Condition.On(BuiltInSubject.RegionTier, ConditionOperator.Equals, "A"))
                .With(ConditionGroup.All(
                    Condition.On(BuiltInSubject.UserRole, ConditionOperator.NotInList, "Customer"),
                    Condition.OnField("high_altitude", ConditionOperator.IsNotEmpty))));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("InProcess"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median);
            SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Nanosecond);
        }
    }
}
