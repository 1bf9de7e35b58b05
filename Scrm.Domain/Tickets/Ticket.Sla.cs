using Scrm.Domain.Sla;

namespace Scrm.Domain.Tickets;

/// <summary>
/// The ticket's SLA bookkeeping: when it was first worked, when its clock stood still (every pause stored with the
/// working time it added), when it was finished, and whether a target was breached. The clocks themselves are read
/// by <see cref="SlaEvaluator"/> from these facts, the policy and the calendar.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<TicketSlaPause> _slaPauses = [];

    /// <summary>首次响应: when someone first worked the ticket (assigned it, moved it on, commented).</summary>
    public DateTime? FirstRespondedAt { get; private set; }

    /// <summary>When the ticket was resolved, closed or cancelled: the resolution clock stops here. Cleared on reopening.</summary>
    public DateTime? SlaStoppedAt { get; private set; }

    /// <summary>When the escalation job found a target breached (flagged on board and ticket).</summary>
    public DateTime? SlaBreachedAt { get; private set; }

    public IReadOnlyCollection<TicketSlaPause> SlaPauses => _slaPauses;

    public bool IsSlaPaused => _slaPauses.Exists(p => p.EndedAt is null);

    /// <summary>Records the first response; later work changes nothing.</summary>
    public void RecordResponse(DateTime at)
    {
        if (FirstRespondedAt is null)
        {
            FirstRespondedAt = at;
            Raise(new TicketResponded(this, at));
        }
    }

    /// <summary>
    /// Brings the clock in line with where the ticket now stands: finished stops it, reopened restarts it (the time it
    /// was finished does not count), waiting on the customer pauses it and anything else resumes it.
    /// </summary>
    /// <param name="waitingOn">Why the ticket waits on the customer (its status or node), or null when it does not.</param>
    public void SyncSlaClock(string? waitingOn, BusinessCalendar calendar, DateTime now)
    {
        var finished = !TicketStatusRules.IsOpen(Status) || Status == TicketStatus.Resolved;
        if (finished)
        {
            EndPause(calendar, now);
            if (SlaStoppedAt is null)
            {
                SlaStoppedAt = now;
                Raise(new TicketSlaStopped(this, now));
            }

            return;
        }

        if (SlaStoppedAt is { } stopped)
        {
            SlaStoppedAt = null;
            var reopened = new TicketSlaPause(stopped, TicketSlaPause.ReopenedReason);
            reopened.End(now, calendar.WorkingTimeBetween(stopped, now));
            _slaPauses.Add(reopened);
            Raise(new TicketSlaResumed(this, reopened.PausedMinutes ?? 0));
        }

        if (waitingOn is not null && !IsSlaPaused)
        {
            _slaPauses.Add(new TicketSlaPause(now, waitingOn));
            Raise(new TicketSlaPaused(this, waitingOn));
        }
        else if (waitingOn is null)
        {
            EndPause(calendar, now);
        }
    }

    /// <summary>Flags the ticket as breached (the first breach counts; later ones change nothing).</summary>
    public void MarkSlaBreached(SlaTarget target, DateTime now)
    {
        if (SlaBreachedAt is null)
        {
            SlaBreachedAt = now;
            Raise(new TicketSlaBreached(this, target));
        }
    }

    private void EndPause(BusinessCalendar calendar, DateTime now)
    {
        if (_slaPauses.Find(p => p.EndedAt is null) is { } open)
        {
            open.End(now, calendar.WorkingTimeBetween(open.StartedAt, now));
            Raise(new TicketSlaResumed(this, open.PausedMinutes ?? 0));
        }
    }
}

/// <summary>One stretch the SLA clock stood still, with the working time it added to the due time once it ended.</summary>
public sealed class TicketSlaPause
{
    public const int ReasonMaxLength = 40;

    /// <summary>The reason of a pause between finishing and reopening a ticket.</summary>
    public const string ReopenedReason = "Reopened";

    private TicketSlaPause() { }

    internal TicketSlaPause(DateTime startedAt, string reason)
    {
        StartedAt = startedAt;
        Reason = Common.Guard.Clip(reason, ReasonMaxLength);
    }

    public long Id { get; private set; }
    public DateTime StartedAt { get; private set; }
    public DateTime? EndedAt { get; private set; }

    /// <summary>The status or node the ticket waited in (or <see cref="ReopenedReason"/>).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>Working minutes the pause added to the due times, rounded down; null while it lasts.</summary>
    public int? PausedMinutes { get; private set; }

    internal void End(DateTime at, TimeSpan workingTime)
    {
        EndedAt = at;
        PausedMinutes = (int)workingTime.TotalMinutes;
    }
}
