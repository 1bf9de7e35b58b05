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
        [TicketStatus.InProgress] = [TicketStatus.Resolved, TicketStatus.OnHold, TicketStatus.Cancelled],
        [TicketStatus.OnHold] = [TicketStatus.InProgress, TicketStatus.Cancelled],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.InProgress],
        [TicketStatus.Closed] = [],
        [TicketStatus.Cancelled] = [],
    };

    /// <summary>The statuses a ticket in <paramref name="from"/> may move to, the usual next step first (the primary button).</summary>
    public static IReadOnlyList<TicketStatus> NextFrom(TicketStatus from) => Allowed[from];

    /// <summary>
    /// The statuses to pass through, in order, to get from <paramref name="from"/> to <paramref name="to"/> by allowed
    /// moves (shortest path; empty when already there). Used to replay or import a ticket's history.
    /// </summary>
    public static IReadOnlyList<TicketStatus> Path(TicketStatus from, TicketStatus to)
    {
        var previous = new Dictionary<TicketStatus, TicketStatus> { [from] = from };
        var queue = new Queue<TicketStatus>([from]);
        while (queue.Count > 0 && !previous.ContainsKey(to))
        {
            var current = queue.Dequeue();
            foreach (var next in Allowed[current].Where(n => previous.TryAdd(n, current)))
            {
                queue.Enqueue(next);
            }
        }

        if (!previous.ContainsKey(to))
        {
            throw new ArgumentException($"No allowed path from {from} to {to}.", nameof(to));
        }

        var path = new List<TicketStatus>();
        for (var step = to; step != from; step = previous[step])
        {
            path.Add(step);
        }

        path.Reverse();
        return path;
    }

    public static bool IsOpen(TicketStatus status) => status is not (TicketStatus.Closed or TicketStatus.Cancelled);
}
