namespace Scrm.Domain.Workflows;

/// <summary>The nodes and transitions of one workflow version. Immutable: editing makes a new graph.</summary>
public sealed record WorkflowGraph
{
    public const int MaxNodes = 200;

    public IReadOnlyList<WorkflowNode> Nodes { get; init; } = [];
    public IReadOnlyList<WorkflowTransition> Transitions { get; init; } = [];

    public WorkflowNode? FindNode(string? id) => id is null ? null : Nodes.FirstOrDefault(n => n.Id == id);

    public WorkflowNode Node(string id) =>
        FindNode(id) ?? throw new InvalidOperationException($"The workflow has no node \"{id}\".");

    public WorkflowNode? Start => Nodes.FirstOrDefault(n => n.Kind == NodeKind.Start);

    /// <summary>The node's outgoing transitions, in their order.</summary>
    public IEnumerable<WorkflowTransition> Outgoing(string nodeId) =>
        Transitions.Where(t => t.From == nodeId).OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal);

    public bool Equals(WorkflowGraph? other) =>
        other is not null && Nodes.SequenceEqual(other.Nodes) && Transitions.SequenceEqual(other.Transitions);

    public override int GetHashCode() => HashCode.Combine(Nodes.Count, Transitions.Count);
}
