using Scrm.Domain.Workflows;

namespace Scrm.Domain.Tickets;

/// <summary>One stay of a ticket at a workflow node, with enter and exit times: the data of dwell-time reports.</summary>
public sealed class NodeVisit
{
    private NodeVisit() { }

    internal NodeVisit(WorkflowNode node, DateTime enteredAt)
    {
        NodeId = node.Id;
        NodeName = node.Name;
        Kind = node.Kind;
        EnteredAt = enteredAt;
    }

    public long Id { get; private set; }
    public string NodeId { get; private set; } = "";
    public string NodeName { get; private set; } = "";
    public NodeKind Kind { get; private set; }
    public DateTime EnteredAt { get; private set; }
    public DateTime? ExitedAt { get; private set; }

    /// <summary>Who moved the ticket on, and with which button; null when it moved on by itself.</summary>
    public string? ExitedById { get; private set; }
    public string? ExitedByName { get; private set; }
    public string? ExitedVia { get; private set; }

    internal void Exit(DateTime at, WorkflowActor? actor, string? via)
    {
        ExitedAt = at;
        ExitedById = actor?.UserId;
        ExitedByName = actor?.Name;
        ExitedVia = via;
    }
}
