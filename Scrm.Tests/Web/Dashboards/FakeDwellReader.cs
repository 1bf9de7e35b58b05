using Scrm.Domain.Common;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Dwell;
using Scrm.Web.Security;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>A dwell-time reader with fixed numbers: version 7 (安装工单 v2) of a three-node workflow.</summary>
public sealed class FakeDwellReader : IDwellTimeReader
{
    public static readonly WorkflowGraph Graph = new()
    {
        Nodes =
        [
            new WorkflowNode { Id = "start", Kind = NodeKind.Start, Name = "开始", X = 0, Y = 0 },
            new WorkflowNode { Id = "visit", Kind = NodeKind.Step, Name = "上门", X = 0, Y = 200, Actor = ActorRule.Desk },
            new WorkflowNode { Id = "review", Kind = NodeKind.Step, Name = "回访", X = 0, Y = 400, Actor = ActorRule.Desk },
            new WorkflowNode { Id = "done", Kind = NodeKind.End, Name = "已完成", X = 0, Y = 600, Outcome = EndOutcome.Resolved },
        ],
        Transitions =
        [
            new WorkflowTransition { Id = "t1", From = "start", To = "visit" },
            new WorkflowTransition { Id = "t2", From = "visit", To = "review", Label = "完工" },
            new WorkflowTransition { Id = "t3", From = "review", To = "done", Label = "回访完成" },
        ],
    };

    public bool Forbid { get; set; }

    public List<(string NodeId, DashboardPeriod Period)> SlowestAsked { get; } = [];

    public Task<IReadOnlyList<DwellVersionOption>> VersionsAsync(Actor actor, CancellationToken ct = default) =>
        Forbid ? throw new ForbiddenException() : Task.FromResult<IReadOnlyList<DwellVersionOption>>(
        [
            new(7, 1, "安装工单", 2, new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc)),
            new(3, 1, "安装工单", 1, new DateTime(2026, 10, 1, 2, 0, 0, DateTimeKind.Utc)),
        ]);

    public Task<DwellView?> ReadAsync(Actor actor, long versionId, DashboardPeriod period, CancellationToken ct = default) =>
        Task.FromResult(versionId == 7
            ? new DwellView(new(7, 1, "安装工单", 2, null), Graph, period,
            [
                new("start", "开始", NodeKind.Start, 40, 0, 0, 0),
                new("visit", "上门", NodeKind.Step, 30, 200, 600, 4),
                new("review", "回访", NodeKind.Step, 12, 45, 90, 1),
                new("done", "已完成", NodeKind.End, 0, null, null, 0),
            ])
            : null);

    public Task<IReadOnlyList<SlowVisitRow>> SlowestAsync(Actor actor, long versionId, string nodeId, DashboardPeriod period, int take, CancellationToken ct = default)
    {
        SlowestAsked.Add((nodeId, period));
        return Task.FromResult<IReadOnlyList<SlowVisitRow>>(nodeId == "visit"
            ?
            [
                new(42, "GD20261105-0003", "空调上门安装", "赵强", new DateTime(2026, 11, 5, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 5, 13, 0, 0, DateTimeKind.Utc), 720),
                new(43, "GD20261106-0001", "冰箱移机", null, new DateTime(2026, 11, 6, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 6, 11, 0, 0, DateTimeKind.Utc), 600),
            ]
            : []);
    }
}
