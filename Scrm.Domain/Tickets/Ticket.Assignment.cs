using Scrm.Domain.Common;

namespace Scrm.Domain.Tickets;

/// <summary>Assignment by rule (派单规则): the rule's choice is recorded with the rule's name for the ticket's history.</summary>
public sealed partial class Ticket
{
    /// <summary>When the current assignee got the ticket (UTC); null while unassigned. "Least load" breaks ties with it.</summary>
    public DateTime? AssignedAt { get; private set; }

    /// <summary>
    /// Gives the ticket to <paramref name="userId"/> because the rule <paramref name="ruleName"/> chose them. A ticket
    /// without a workflow becomes 已派单, as when the desk dispatches it; a workflow ticket's status stays its node's.
    /// </summary>
    public void AssignByRule(string userId, string ruleName, TimeProvider time)
    {
        EnsureOpen();
        var previous = AssigneeId;
        if (previous == userId)
        {
            return;
        }

        AssigneeId = userId;
        AssignedAt = time.GetUtcNow().UtcDateTime;
        Raise(new TicketAssigned(this, previous, userId));
        Raise(new TicketAssignedByRule(this, ruleName, userId));
        // A dispatch is a response, whoever (or whatever) made it.
        RecordResponse(time.GetUtcNow().UtcDateTime);
        if (WorkflowId is null && Status == TicketStatus.New)
        {
            SetStatus(TicketStatus.Assigned);
        }

        Touch(time);
    }

    /// <summary>The assignment rules found nobody eligible: the ticket stays as it is and the region's supervisors are to be told.</summary>
    public void ReportNobodyEligible(string? nodeId) => Raise(new TicketUnassignable(this, nodeId));
}
