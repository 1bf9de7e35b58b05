namespace Scrm.Domain.Sla;

/// <summary>Which of a ticket's SLA targets a state is about.</summary>
public enum SlaTarget
{
    /// <summary>首次响应: until someone first works the ticket.</summary>
    FirstResponse,

    /// <summary>解决: until the ticket is resolved, closed or cancelled.</summary>
    Resolution,

    /// <summary>The current workflow node's own time (the Step's SLA minutes).</summary>
    Node,
}

/// <summary>
/// Where one running SLA target of a ticket stands at a moment: the board's bar and the ticket's countdown. A ticket
/// shows the target with the least time left.
/// </summary>
/// <param name="DueUtc">When it falls due; null while paused.</param>
/// <param name="Left">Working time left (negative once breached); meaningless while paused.</param>
public sealed record SlaState(SlaTarget Target, SlaBand Band, DateTime? DueUtc, TimeSpan Allowed, TimeSpan Used)
{
    public TimeSpan Left => Allowed - Used;
}
