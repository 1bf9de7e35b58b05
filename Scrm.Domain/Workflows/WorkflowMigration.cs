namespace Scrm.Domain.Workflows;

/// <summary>How many tickets would move from which node of the old version to which node of the new one.</summary>
public sealed record MigrationMove(string FromNodeId, string FromNodeName, string ToNodeId, string ToNodeName, int Tickets);

public sealed record MigrationPlan(IReadOnlyList<MigrationMove> Moves, IReadOnlyList<WorkflowProblem> Problems)
{
    public bool CanApply => Problems.Count == 0;
}

/// <summary>
/// Moving in-flight tickets to a newer version with an explicit node mapping. The dry run and the real migration
/// both ask <see cref="TargetFor"/>, so what the dry run shows is what happens.
/// </summary>
public sealed class WorkflowMigration(WorkflowGraph from, WorkflowGraph to, IReadOnlyDictionary<string, string> mapping)
{
    /// <summary>Where a ticket at <paramref name="nodeId"/> lands, or null if the mapping does not say.</summary>
    public string? TargetFor(string nodeId) =>
        mapping.TryGetValue(nodeId, out var target) && to.FindNode(target) is { } node && node.Kind.Waits() ? target : null;

    /// <summary>The dry run: tickets per (old node → new node), and every node with tickets that has no valid target.</summary>
    public MigrationPlan Plan(IEnumerable<string> currentNodeIds)
    {
        var moves = new List<MigrationMove>();
        var problems = new List<WorkflowProblem>();
        foreach (var group in currentNodeIds.GroupBy(id => id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var fromName = from.FindNode(group.Key)?.Name ?? group.Key;
            if (TargetFor(group.Key) is { } target)
            {
                moves.Add(new MigrationMove(group.Key, fromName, target, to.Node(target).Name, group.Count()));
            }
            else
            {
                problems.Add(new WorkflowProblem("MigrationUnmapped", group.Key, null, [fromName, group.Count()]));
            }
        }

        return new MigrationPlan(moves, problems);
    }
}
