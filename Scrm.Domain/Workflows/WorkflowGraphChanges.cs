namespace Scrm.Domain.Workflows;

/// <summary>What an edit did to a graph, in words a reader of the audit trail understands.</summary>
public static class WorkflowGraphChanges
{
    /// <summary>E.g. "+ step 回访; − link 派单 → 完成; ~ step 审批 changed"; "no change" when equal.</summary>
    public static string Describe(WorkflowGraph before, WorkflowGraph after)
    {
        var parts = new List<string>();
        var oldNodes = before.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var newNodes = after.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        parts.AddRange(after.Nodes.Where(n => !oldNodes.ContainsKey(n.Id)).Select(n => $"+ {Node(n)}"));
        parts.AddRange(before.Nodes.Where(n => !newNodes.ContainsKey(n.Id)).Select(n => $"− {Node(n)}"));
        parts.AddRange(after.Nodes.Where(n => oldNodes.TryGetValue(n.Id, out var old) && old != n)
            .Select(n => oldNodes[n.Id].Name == n.Name ? $"~ {Node(n)}" : $"~ {Node(oldNodes[n.Id])} → {n.Name}"));

        var oldLinks = before.Transitions.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var newLinks = after.Transitions.ToDictionary(t => t.Id, StringComparer.Ordinal);
        parts.AddRange(after.Transitions.Where(t => !oldLinks.ContainsKey(t.Id)).Select(t => $"+ {Link(t, after)}"));
        parts.AddRange(before.Transitions.Where(t => !newLinks.ContainsKey(t.Id)).Select(t => $"− {Link(t, before)}"));
        parts.AddRange(after.Transitions.Where(t => oldLinks.TryGetValue(t.Id, out var old) && old != t).Select(t => $"~ {Link(t, after)}"));
        return parts.Count == 0 ? "no change" : string.Join("; ", parts);
    }

    /// <summary>A graph's size, e.g. "6 nodes, 7 links".</summary>
    public static string Size(WorkflowGraph graph) => $"{graph.Nodes.Count} nodes, {graph.Transitions.Count} links";

    private static string Node(WorkflowNode node) => $"{node.Kind.ToString().ToLowerInvariant()} {node.Name}";

    private static string Link(WorkflowTransition link, WorkflowGraph graph)
    {
        var route = $"{graph.FindNode(link.From)?.Name ?? link.From} → {graph.FindNode(link.To)?.Name ?? link.To}";
        return string.IsNullOrEmpty(link.Label) ? $"link {route}" : $"link {route} ({link.Label})";
    }
}
