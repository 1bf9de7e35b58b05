using Scrm.Domain.Common;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>A published workflow version to pick: its template and number.</summary>
public sealed record DwellVersionOption(long Id, long TemplateId, string TemplateName, int Number, DateTime? PublishedAt);

/// <summary>
/// One node's dwell time in a period: completed visits that ended in it (count, median and p90 in minutes, null when
/// there were none) and the visits still open at the node now.
/// </summary>
public sealed record DwellNodeRow(string NodeId, string Name, NodeKind Kind, int Count, double? MedianMinutes, double? P90Minutes, int Open);

/// <summary>A workflow version's graph and the dwell time of each of its nodes, in graph order.</summary>
public sealed record DwellView(DwellVersionOption Version, WorkflowGraph Graph, DashboardPeriod Period, IReadOnlyList<DwellNodeRow> Nodes);

/// <summary>One of a node's slowest completed visits.</summary>
public sealed record SlowVisitRow(long TicketId, string Number, string Title, string? AssigneeName, DateTime EnteredAt, DateTime ExitedAt, double Minutes);

/// <summary>节点耗时: the dwell-time reads behind the heat map (an interface so component tests can fake it).</summary>
public interface IDwellTimeReader
{
    /// <summary>The published versions the viewer may pick, grouped by template (by name), newest version first.</summary>
    /// <exception cref="Security.ForbiddenException">The viewer may not see the dwell-time dashboard.</exception>
    Task<IReadOnlyList<DwellVersionOption>> VersionsAsync(Actor actor, CancellationToken ct = default);

    /// <summary>Each node's dwell time for the version and period, or null when there is no such published version.</summary>
    /// <exception cref="Security.ForbiddenException">The viewer may not see the dwell-time dashboard.</exception>
    Task<DwellView?> ReadAsync(Actor actor, long versionId, DashboardPeriod period, CancellationToken ct = default);

    /// <summary>The node's slowest completed visits that ended in the period, slowest first.</summary>
    /// <exception cref="Security.ForbiddenException">The viewer may not see the dwell-time dashboard.</exception>
    Task<IReadOnlyList<SlowVisitRow>> SlowestAsync(Actor actor, long versionId, string nodeId, DashboardPeriod period, int take, CancellationToken ct = default);
}
