using Scrm.Domain.Common;
using Scrm.Domain.Workflows;

namespace Scrm.Domain.Tickets;

/// <summary>
/// The timer job's bookkeeping: a timer that keeps failing to fire is counted and, after a few failures, parked so
/// the job stops retrying it every minute; an admin sees it and may send it back.
/// </summary>
public sealed partial class Ticket
{
    public const int TimerErrorMaxLength = 500;

    /// <summary>How often firing the current timer has failed in a row.</summary>
    public int TimerFailures { get; private set; }

    /// <summary>Set when the timer failed too often: the job skips the ticket until an admin retries it.</summary>
    public DateTime? TimerParkedAt { get; private set; }

    /// <summary>Why the timer last failed to fire.</summary>
    public string? TimerError { get; private set; }

    /// <summary>Counts a failed firing; the <paramref name="maxFailures"/>th parks the timer.</summary>
    public void RecordTimerFailure(string error, int maxFailures, TimeProvider time)
    {
        if (TimerDueAt is null || TimerParkedAt is not null)
        {
            return;
        }

        TimerFailures++;
        TimerError = Guard.Clip(error, TimerErrorMaxLength);
        if (TimerFailures >= maxFailures)
        {
            TimerParkedAt = time.GetUtcNow().UtcDateTime;
        }

        Raise(new TicketTimerFailed(this, TimerFailures, TimerParkedAt is not null));
    }

    /// <summary>
    /// Drops a due time the ticket no longer waits for (it is not at a Timer node of <paramref name="graph"/>, or has no
    /// workflow), so the job does not pick it up forever. Returns whether it did.
    /// </summary>
    public bool ClearStaleTimer(WorkflowGraph? graph)
    {
        if (TimerDueAt is null || graph?.FindNode(CurrentNodeId)?.Kind == NodeKind.Timer)
        {
            return false;
        }

        TimerDueAt = null;
        ForgetTimerFailures();
        Raise(new TicketTimerCleared(this));
        return true;
    }

    /// <summary>Sends a parked timer back to the job, with its failures forgotten.</summary>
    public void RetryTimer()
    {
        if (TimerParkedAt is null)
        {
            throw new DomainException("TimerNotParked", $"The timer of ticket {Number} is not parked.", Number);
        }

        ForgetTimerFailures();
        Raise(new TicketTimerRetried(this));
    }

    private void ForgetTimerFailures()
    {
        TimerFailures = 0;
        TimerParkedAt = null;
        TimerError = null;
    }
}
