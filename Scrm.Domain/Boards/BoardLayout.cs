using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;

namespace Scrm.Domain.Boards;

/// <summary>What a board column holds.</summary>
public enum BoardColumnKind
{
    /// <summary>A human node (Step, Approval) of the template's workflow.</summary>
    Node,

    /// <summary>A ticket status, on a board without a workflow and on the my-work board.</summary>
    Status,

    /// <summary>Tickets resting at a Timer: nobody can move them, but they are on the board (等待中).</summary>
    Waiting,

    /// <summary>Tickets at a node the current version has no column for (an older version's step): never hidden.</summary>
    Other,

    /// <summary>Finished (closed, cancelled, or at an End) in the last days: collapsed by default.</summary>
    Closed,
}

/// <summary>One column of a board: its key (node id, status name or a fixed key), its name and what it holds.</summary>
public sealed record BoardColumnDef(string Key, string Name, BoardColumnKind Kind, TicketStatus? Status = null)
{
    /// <summary>Whether a card may be dropped here at all (the engine still decides whether this card may go).</summary>
    public bool AcceptsDrops => Kind is BoardColumnKind.Node or BoardColumnKind.Status;
}

/// <summary>
/// A board's columns and the routes between them, from the workflow graph (or the ticket statuses): pure rules, so
/// the query, the drop handler and the tests agree on them.
/// </summary>
public static class BoardLayout
{
    public const string WaitingKey = "~waiting";
    public const string OtherKey = "~other";
    public const string ClosedKey = "~closed";

    /// <summary>How far back the closed column looks.</summary>
    public static readonly TimeSpan ClosedWindow = TimeSpan.FromDays(7);

    /// <summary>The statuses a status board has a column for, in lifecycle order.</summary>
    public static readonly IReadOnlyList<TicketStatus> OpenStatuses =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved];

    /// <summary>
    /// The workflow's human nodes in graph order — breadth-first from Start, each node's transitions by their order —
    /// then the waiting, other and closed columns. Nodes no path reaches come last, in their stored order.
    /// </summary>
    public static IReadOnlyList<BoardColumnDef> ForWorkflow(WorkflowGraph graph)
    {
        var order = new List<WorkflowNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<WorkflowNode>();
        if (graph.Start is { } start)
        {
            queue.Enqueue(start);
            seen.Add(start.Id);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            order.Add(node);
            foreach (var next in graph.Outgoing(node.Id).Select(t => graph.FindNode(t.To)).OfType<WorkflowNode>().Where(n => seen.Add(n.Id)))
            {
                queue.Enqueue(next);
            }
        }

        order.AddRange(graph.Nodes.Where(n => !seen.Contains(n.Id)));
        var columns = order.Where(n => n.Kind.IsHuman()).Select(n => new BoardColumnDef(n.Id, n.Name, BoardColumnKind.Node)).ToList();
        columns.Add(new BoardColumnDef(WaitingKey, "", BoardColumnKind.Waiting));
        columns.Add(new BoardColumnDef(OtherKey, "", BoardColumnKind.Other));
        columns.Add(new BoardColumnDef(ClosedKey, "", BoardColumnKind.Closed));
        return columns;
    }

    /// <summary>A column per open status, then the closed column.</summary>
    public static IReadOnlyList<BoardColumnDef> ForStatuses() =>
    [
        .. OpenStatuses.Select(s => new BoardColumnDef(s.ToString(), "", BoardColumnKind.Status, s)),
        new BoardColumnDef(ClosedKey, "", BoardColumnKind.Closed),
    ];

    /// <summary>The column a workflow ticket sits in: its node's, else by what kind of node it rests at.</summary>
    public static string ColumnOf(WorkflowGraph graph, IReadOnlySet<string> nodeColumns, string? nodeId, TicketStatus status)
    {
        if (!TicketStatusRules.IsOpen(status))
        {
            return ClosedKey;
        }

        if (nodeId is not null && nodeColumns.Contains(nodeId))
        {
            return nodeId;
        }

        return graph.FindNode(nodeId)?.Kind switch
        {
            NodeKind.Timer => WaitingKey,
            NodeKind.End => ClosedKey,
            _ => OtherKey,
        };
    }

    /// <summary>The column a ticket without a workflow (or on the my-work board) sits in: its status's.</summary>
    public static string ColumnOf(TicketStatus status) => TicketStatusRules.IsOpen(status) ? status.ToString() : ClosedKey;

    /// <summary>
    /// The buttons at <paramref name="fromNodeId"/> that lead to <paramref name="targetNodeId"/>: straight there, or
    /// through automatic Action nodes only (a Branch decides on the ticket's data, so the board cannot promise where
    /// it goes). In button order.
    /// </summary>
    public static IReadOnlyList<WorkflowTransition> RoutesTo(WorkflowGraph graph, string? fromNodeId, string targetNodeId)
    {
        if (graph.FindNode(fromNodeId) is not { } from || !from.Kind.IsHuman() || fromNodeId == targetNodeId)
        {
            return [];
        }

        return graph.Outgoing(from.Id).Where(t => Reaches(graph, t.To, targetNodeId)).ToList();
    }

    private static bool Reaches(WorkflowGraph graph, string nodeId, string targetNodeId)
    {
        // Publishing refuses automatic cycles; the bound guards a graph that skipped validation.
        for (var steps = 0; steps <= graph.Nodes.Count; steps++)
        {
            if (nodeId == targetNodeId)
            {
                return true;
            }

            if (graph.FindNode(nodeId) is not { Kind: NodeKind.Action } action || graph.Outgoing(action.Id).FirstOrDefault() is not { } next)
            {
                return false;
            }

            nodeId = next.To;
        }

        return false;
    }
}
