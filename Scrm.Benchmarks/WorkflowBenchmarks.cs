using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.Extensions.Time.Testing;
using Perfolizer.Horology;
using Scrm.Data.Seed;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Benchmarks;

/// <summary>
/// The interpreter in memory: one ticket walking a 20-node graph from Start to End (10 button presses, with a Branch
/// and an Action between each pair of steps, every branch guard a nested group). Compared in the same run with a
/// naive engine that re-validates the whole graph before every press.
/// </summary>
[Config(typeof(Config))]
public class WorkflowBenchmarks
{
    private const int Steps = 6;
    private static readonly WorkflowActor Supervisor = new("sup", "李娜", Role.Supervisor);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private TicketTemplate _template = null!;
    private WorkflowGraph _graph = null!;
    private string[] _presses = null!;
    private Dictionary<string, string?> _fields = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        (_template, _) = DemoCompanySeeder.Templates();
        (_graph, _presses) = TwentyNodeGraph();
        _fields = new(StringComparer.Ordinal)
        {
            ["product_type"] = "空调",
            ["address"] = "上海市浦东新区张江路 88 号",
            ["contact_phone"] = "13800138000",
            ["high_altitude"] = "true",
            ["extra_fee"] = "1500",
        };
        var problems = WorkflowValidator.Validate(_graph, _template);
        if (_graph.Nodes.Count != 20 || problems.Count > 0 || Walk(validateEachStep: false) != TicketStatus.Closed)
        {
            throw new InvalidOperationException("The benchmark graph must be a valid 20-node graph: " + string.Join(" ", problems.Select(p => p.Message)));
        }
    }

    [Benchmark(Baseline = true, Description = "Walk a 20-node graph (7 presses, 5 guarded branches, 5 actions)")]
    public TicketStatus WalkGraph() => Walk(validateEachStep: false);

    [Benchmark(Description = "Naive: re-validate the graph before every press")]
    public TicketStatus WalkRevalidating() => Walk(validateEachStep: true);

    private TicketStatus Walk(bool validateEachStep)
    {
        var ticket = Ticket.Create(new TicketNumber(new DateOnly(2026, 11, 25), 1), _template,
            new TicketDetails("空调安装", null, Urgency.High, null, null, null), _fields, "agent", _time);
        ticket.StartWorkflow(1, _graph, _template, TicketFacts.None, Supervisor, _time);
        foreach (var press in _presses)
        {
            if (validateEachStep && WorkflowValidator.Validate(_graph, _template).Count > 0)
            {
                throw new InvalidOperationException();
            }

            ticket.Transition(_graph, press, _template, TicketFacts.None, Supervisor, _time);
        }

        return ticket.Status;
    }

    /// <summary>Start → (Step → Branch → Action) × 5 → Approval → Step → End, plus a side End off every Branch: 20 nodes.</summary>
    private static (WorkflowGraph Graph, string[] Presses) TwentyNodeGraph()
    {
        var builder = new WorkflowGraphBuilder().Start("start", "开始");
        var presses = new List<string>();
        var previous = "start";
        for (var i = 0; i < Steps - 1; i++)
        {
            builder.Step($"s{i}", $"步骤{i}", ActorRule.Desk).Branch($"b{i}", $"判断{i}").Action($"a{i}", $"通知{i}", ActionKind.Notify, "进度更新");
            builder.Link(previous, $"s{i}", previous == "start" ? "" : "继续");
            builder.Link($"s{i}", $"b{i}", "提交");
            builder.Link($"b{i}", $"a{i}", "满足", Guard(i * 100));
            presses.Add($"s{i}->b{i}");
            previous = $"a{i}";
        }

        builder.Approval("approve", "审核", ActorRule.Supervisors).Step("last", "收尾", ActorRule.Desk)
            .End("end", "完成", EndOutcome.Closed).End("other", "其他", EndOutcome.Cancelled);
        builder.Link(previous, "approve").Link("approve", "last", "批准").Link("last", "end", "完成");
        for (var i = 0; i < Steps - 1; i++)
        {
            builder.Link($"b{i}", "other", "否则", isDefault: true);
        }

        presses.Add("approve->last");
        presses.Add("last->end");
        var graph = builder.Build();

        return (graph, presses.ToArray());
    }

    private static ConditionGroup Guard(int fee) =>
        ConditionGroup.All(
                Condition.OnField("extra_fee", ConditionOperator.GreaterThan, fee.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
                Condition.OnField("product_type", ConditionOperator.InList, "空调", "热水器"),
                Condition.OnField("address", ConditionOperator.Contains, "上海"))
            .With(ConditionGroup.Any(
                    Condition.On(BuiltInSubject.Urgency, ConditionOperator.GreaterOrEqual, "High"),
                    Condition.On(BuiltInSubject.CustomerLevel, ConditionOperator.InList, "Vip", "Key"))
                .With(ConditionGroup.All(Condition.On(BuiltInSubject.UserRole, ConditionOperator.NotInList, "Customer"))));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15).WithId("InProcess"));
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddColumn(BenchmarkDotNet.Columns.StatisticColumn.Median);
            SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Microsecond);
        }
    }
}
