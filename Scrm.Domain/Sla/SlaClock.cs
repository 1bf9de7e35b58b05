using Scrm.Domain.Common;

namespace Scrm.Domain.Sla;

/// <summary>How far along an SLA target is, as the board and the ticket show it (colours and words in ui.md).</summary>
public enum SlaBand
{
    /// <summary>Less than half the target used: 正常.</summary>
    OnTrack,

    /// <summary>Half to three quarters used: 临近.</summary>
    AtRisk,

    /// <summary>Three quarters or more used, not yet due: 即将超时.</summary>
    DueSoon,

    /// <summary>The target has passed: 已超时.</summary>
    Breached,

    /// <summary>The clock is stopped while the ticket waits on the customer: 已暂停.</summary>
    Paused,
}

/// <summary>A stretch of time the clock stood still (waiting on the customer); open while it still does.</summary>
public readonly record struct SlaPause(DateTime StartedUtc, DateTime? EndedUtc);

/// <summary>
/// One SLA target measured on a business calendar: the clock runs in working time from <see cref="StartedUtc"/> and
/// stands still during pauses. What is used, when it falls due and which band it is in are answers for a moment.
/// </summary>
public sealed class SlaClock
{
    private readonly BusinessCalendar _calendar;
    private readonly IReadOnlyList<SlaPause> _pauses;

    public SlaClock(BusinessCalendar calendar, DateTime startedUtc, TimeSpan target, IReadOnlyList<SlaPause>? pauses = null)
    {
        if (target <= TimeSpan.Zero)
        {
            throw new DomainException("SlaTargetNotPositive", "An SLA target must be longer than zero.") { Field = "Target" };
        }

        _calendar = calendar;
        StartedUtc = startedUtc;
        Target = target;
        _pauses = pauses ?? [];
    }

    public DateTime StartedUtc { get; }
    public TimeSpan Target { get; }

    /// <summary>Working time the target has used by <paramref name="nowUtc"/>: working time since the start less the paused part.</summary>
    public TimeSpan Used(DateTime nowUtc) => _calendar.WorkingTimeBetween(StartedUtc, nowUtc) - Paused(nowUtc);

    /// <summary>When the target falls due, pauses so far included; null while paused (the due time is not known until it resumes).</summary>
    public DateTime? DueUtc(DateTime nowUtc) =>
        IsPaused(nowUtc) ? null : _calendar.AddWorkingTime(StartedUtc, Target + Paused(nowUtc));

    public SlaBand Band(DateTime nowUtc)
    {
        if (IsPaused(nowUtc))
        {
            return SlaBand.Paused;
        }

        // Ticks, not doubles: the edges (exactly half, exactly three quarters) must land in the same band every time.
        var used = Used(nowUtc).Ticks;
        var target = Target.Ticks;
        return used >= target ? SlaBand.Breached
            : used * 4 >= target * 3 ? SlaBand.DueSoon
            : used * 2 >= target ? SlaBand.AtRisk
            : SlaBand.OnTrack;
    }

    private bool IsPaused(DateTime nowUtc) => _pauses.Any(p => p.StartedUtc <= nowUtc && (p.EndedUtc is null || p.EndedUtc > nowUtc));

    private TimeSpan Paused(DateTime nowUtc)
    {
        var paused = TimeSpan.Zero;
        foreach (var pause in _pauses.Where(p => p.StartedUtc < nowUtc))
        {
            var end = pause.EndedUtc is { } ended && ended < nowUtc ? ended : nowUtc;
            paused += _calendar.WorkingTimeBetween(pause.StartedUtc < StartedUtc ? StartedUtc : pause.StartedUtc, end);
        }

        return paused;
    }
}
