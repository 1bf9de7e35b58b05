namespace Scrm.Domain.Tickets;

/// <summary>Where a ticket stands. Workflows (a later capability) move tickets between these.</summary>
public enum TicketStatus
{
    New,
    Assigned,
    InProgress,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
}

public static class TicketStatusRules
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Cancelled],
        [TicketStatus.Assigned] = [TicketStatus.InProgress, TicketStatus.New, TicketStatus.Cancelled],
        [TicketStatus.InProgress] = [TicketStatus.OnHold, TicketStatus.Resolved, TicketStatus.Cancelled],
        [TicketStatus.OnHold] = [TicketStatus.InProgress, TicketStatus.Cancelled],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.Closed] = [],
        [TicketStatus.Cancelled] = [],
    };

    /// <summary>The statuses a ticket in <paramref name="from"/> may move to, the usual next step first (the primary button).</summary>
    public static IReadOnlyList<TicketStatus> NextFrom(TicketStatus from) => Allowed[from];

    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Closed or TicketStatus.Cancelled);
}
