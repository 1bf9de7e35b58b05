using Scrm.Domain.Tickets;

namespace Scrm.Domain.Workflows;

/// <summary>
/// One node of a workflow graph. Kind-specific settings are nullable and only read for their kind, which keeps the
/// graph one flat shape for the designer, the validator and the stored JSON.
/// </summary>
public sealed record WorkflowNode
{
    public const int NameMaxLength = 40;
    public const int MessageMaxLength = 200;

    /// <summary>Stable id within the definition (kept across versions, so tickets can be migrated by id).</summary>
    public required string Id { get; init; }

    public required NodeKind Kind { get; init; }
    public required string Name { get; init; }

    /// <summary>Position on the designer canvas.</summary>
    public double X { get; init; }
    public double Y { get; init; }

    /// <summary>Step and Approval: who may press this node's buttons.</summary>
    public ActorRule? Actor { get; init; }

    /// <summary>Step: custom fields that must be filled before leaving the node.</summary>
    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    /// <summary>Step and Approval: time allowed at this node, in minutes.</summary>
    public int? SlaMinutes { get; init; }

    /// <summary>Step, Approval and Timer: the ticket waits on the customer here, so its SLA clock stands still.</summary>
    public bool WaitsOnCustomer { get; init; }

    /// <summary>Step, Approval and Timer: how the ticket center shows a ticket waiting here.</summary>
    public TicketStatus? Status { get; init; }

    /// <summary>Timer: wait this many minutes…</summary>
    public int? WaitMinutes { get; init; }

    /// <summary>Timer: …or until the date in this date field (start of that day, China time).</summary>
    public string? UntilDateField { get; init; }

    public TimerExpiry? Expiry { get; init; }

    public ActionKind? Action { get; init; }

    /// <summary>Action Notify: the message; Action SetField: the field and its new value (raw, normalized on use).</summary>
    public string? Message { get; init; }
    public string? FieldKey { get; init; }
    public string? FieldValue { get; init; }

    public EndOutcome? Outcome { get; init; }

    /// <summary>The ticket status while the ticket is at this node. A method, so it is not stored with the graph.</summary>
    public TicketStatus StatusWhileHere() => Kind switch
    {
        NodeKind.End => Outcome switch
        {
            EndOutcome.Closed => TicketStatus.Closed,
            EndOutcome.Cancelled => TicketStatus.Cancelled,
            _ => TicketStatus.Resolved,
        },
        NodeKind.Approval or NodeKind.Timer => Status ?? TicketStatus.OnHold,
        _ => Status ?? TicketStatus.InProgress,
    };

    public bool Equals(WorkflowNode? other) =>
        other is not null && Id == other.Id && Kind == other.Kind && Name == other.Name && X.Equals(other.X) && Y.Equals(other.Y)
        && Actor == other.Actor && RequiredFields.SequenceEqual(other.RequiredFields) && SlaMinutes == other.SlaMinutes
        && WaitsOnCustomer == other.WaitsOnCustomer && Status == other.Status && WaitMinutes == other.WaitMinutes && UntilDateField == other.UntilDateField
        && Expiry == other.Expiry && Action == other.Action && Message == other.Message && FieldKey == other.FieldKey
        && FieldValue == other.FieldValue && Outcome == other.Outcome;

    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name, X, Y);
}
