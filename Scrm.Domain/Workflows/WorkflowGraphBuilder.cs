using Scrm.Domain.Conditions;
using Scrm.Domain.Tickets;

namespace Scrm.Domain.Workflows;

/// <summary>
/// Writes a graph in code (seeded workflows, tests): nodes, then the ways between them. <see cref="Build"/> lays it out
/// (<see cref="WorkflowLayout"/>), so a seeded workflow opens in the designer already readable. The designer builds
/// graphs from its canvas instead.
/// </summary>
public sealed class WorkflowGraphBuilder
{
    private readonly List<WorkflowNode> _nodes = [];
    private readonly List<WorkflowTransition> _transitions = [];

    public WorkflowGraphBuilder Start(string id, string name) => Add(new WorkflowNode { Id = id, Kind = NodeKind.Start, Name = name });

    public WorkflowGraphBuilder Step(string id, string name, ActorRule actor, TicketStatus status = TicketStatus.InProgress,
        int? slaMinutes = null, params string[] requiredFields) =>
        Add(new WorkflowNode { Id = id, Kind = NodeKind.Step, Name = name, Actor = actor, Status = status, SlaMinutes = slaMinutes, RequiredFields = requiredFields });

    public WorkflowGraphBuilder Approval(string id, string name, ActorRule approver, int? slaMinutes = null) =>
        Add(new WorkflowNode { Id = id, Kind = NodeKind.Approval, Name = name, Actor = approver, SlaMinutes = slaMinutes });

    public WorkflowGraphBuilder Branch(string id, string name) => Add(new WorkflowNode { Id = id, Kind = NodeKind.Branch, Name = name });

    public WorkflowGraphBuilder Timer(string id, string name, int waitMinutes, TimerExpiry expiry = TimerExpiry.Continue) =>
        Add(new WorkflowNode { Id = id, Kind = NodeKind.Timer, Name = name, WaitMinutes = waitMinutes, Expiry = expiry });

    public WorkflowGraphBuilder Action(string id, string name, ActionKind action, string? message = null, string? fieldKey = null, string? fieldValue = null) =>
        Add(new WorkflowNode { Id = id, Kind = NodeKind.Action, Name = name, Action = action, Message = message, FieldKey = fieldKey, FieldValue = fieldValue });

    public WorkflowGraphBuilder End(string id, string name, EndOutcome outcome) =>
        Add(new WorkflowNode { Id = id, Kind = NodeKind.End, Name = name, Outcome = outcome });

    /// <summary>A way from one node to another: a button label from a step, a condition from a branch.</summary>
    public WorkflowGraphBuilder Link(string from, string to, string label = "", ConditionGroup? guard = null, bool isDefault = false)
    {
        _transitions.Add(new WorkflowTransition
        {
            Id = $"{from}->{to}",
            From = from,
            To = to,
            Label = label,
            Guard = guard,
            IsDefault = isDefault,
            Order = _transitions.Count(t => t.From == from),
        });
        return this;
    }

    public WorkflowGraph Build() => WorkflowLayout.Arrange(new WorkflowGraph { Nodes = _nodes.ToList(), Transitions = _transitions.ToList() });

    private WorkflowGraphBuilder Add(WorkflowNode node)
    {
        _nodes.Add(node);
        return this;
    }
}
