using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Domain.Sla;

/// <summary>Who an escalation level tells.</summary>
public enum EscalationRecipient
{
    /// <summary>The supervisors whose regions cover the ticket's region (central supervisors for a ticket without one).</summary>
    RegionSupervisors,

    /// <summary>The regional director (区域总监) chosen on the ticket's region or its province; the supervisors when none is set.</summary>
    RegionDirector,

    /// <summary>One named person.</summary>
    User,
}

/// <summary>One step of an escalation chain: when a target has used <see cref="AfterMinutes"/> of working time and still runs, tell someone.</summary>
public sealed class EscalationLevel
{
    private EscalationLevel() { }

    internal EscalationLevel(int level, SlaTarget target, int afterMinutes, EscalationRecipient recipient, string? userId) =>
        (Level, Target, AfterMinutes, Recipient, UserId) = (level, target, afterMinutes, recipient, userId);

    public long Id { get; private set; }

    /// <summary>1, 2, 3… in the order the chain runs; a ticket gets each level once.</summary>
    public int Level { get; private set; }

    public SlaTarget Target { get; private set; }
    public int AfterMinutes { get; private set; }
    public EscalationRecipient Recipient { get; private set; }

    /// <summary>For <see cref="EscalationRecipient.User"/>: who.</summary>
    public string? UserId { get; private set; }
}

/// <summary>What an admin asks of one escalation level.</summary>
public sealed record EscalationLevelInput(SlaTarget Target, int AfterMinutes, EscalationRecipient Recipient, string? UserId);

/// <summary>
/// SLA 策略: for one template and one urgency, how long the first response and the resolution may take in working
/// time, and the escalation chain. Node targets come from the workflow's Step SLA minutes.
/// </summary>
public sealed class SlaPolicy : AggregateRoot
{
    /// <summary>A year of working time: more is a typo, not a target.</summary>
    public const int MaxMinutes = 60 * 24 * 365;
    public const int MaxLevels = 10;

    private readonly List<EscalationLevel> _levels = [];

    private SlaPolicy() { }

    public long Id { get; private set; }
    public long TemplateId { get; private set; }
    public Urgency Urgency { get; private set; }
    public int FirstResponseMinutes { get; private set; }
    public int ResolutionMinutes { get; private set; }

    public IReadOnlyCollection<EscalationLevel> Levels => _levels;

    public TimeSpan FirstResponse => TimeSpan.FromMinutes(FirstResponseMinutes);
    public TimeSpan Resolution => TimeSpan.FromMinutes(ResolutionMinutes);

    /// <param name="isActiveUser">Whether a user id names an active person (escalating to a deactivated user tells nobody).</param>
    public static SlaPolicy Create(long templateId, Urgency urgency, int firstResponseMinutes, int resolutionMinutes,
        IReadOnlyList<EscalationLevelInput> levels, Func<string, bool> isActiveUser)
    {
        if (!Enum.IsDefined(urgency))
        {
            throw new DomainException("UrgencyInvalid", "Choose an urgency.") { Field = "Urgency" };
        }

        var policy = new SlaPolicy { TemplateId = templateId, Urgency = urgency };
        policy.Change(firstResponseMinutes, resolutionMinutes, levels, isActiveUser);
        return policy;
    }

    /// <summary>Sets the targets and the chain, checked together: a refused change changes nothing.</summary>
    public void Change(int firstResponseMinutes, int resolutionMinutes, IReadOnlyList<EscalationLevelInput> levels, Func<string, bool> isActiveUser)
    {
        EnsureTarget(firstResponseMinutes, "FirstResponseMinutes");
        EnsureTarget(resolutionMinutes, "ResolutionMinutes");
        if (firstResponseMinutes > resolutionMinutes)
        {
            throw new DomainException("FirstResponseAfterResolution", "The first response cannot be allowed longer than the resolution.") { Field = "FirstResponseMinutes" };
        }

        if (levels.Count > MaxLevels)
        {
            throw new DomainException("TooManyEscalationLevels", $"At most {MaxLevels} escalation levels.", MaxLevels) { Field = "Levels" };
        }

        for (var i = 0; i < levels.Count; i++)
        {
            EnsureLevel(levels[i], i + 1, isActiveUser);
        }

        FirstResponseMinutes = firstResponseMinutes;
        ResolutionMinutes = resolutionMinutes;
        // Levels are numbered by position; an unchanged level keeps its row, so the history shows only what changed.
        var wanted = levels.Select((l, i) => new EscalationLevel(i + 1, l.Target, l.AfterMinutes, l.Recipient, l.Recipient == EscalationRecipient.User ? l.UserId : null)).ToList();
        _levels.RemoveAll(r => !wanted.Any(w => Same(w, r)));
        _levels.AddRange(wanted.Where(w => !_levels.Any(r => Same(w, r))));
        Raise(new SlaPolicyChanged(this));
    }

    /// <summary>Removes the policy: its tickets have no SLA from now on. Escalations already sent stay recorded.</summary>
    public void Delete() => Raise(new SlaPolicyChanged(this));

    private static void EnsureTarget(int minutes, string field)
    {
        if (minutes <= 0)
        {
            throw new DomainException("SlaTargetNotPositive", "An SLA target must be longer than zero.") { Field = field };
        }

        if (minutes > MaxMinutes)
        {
            throw new DomainException("SlaTargetTooLong", "An SLA target can be at most a year of working time.") { Field = field };
        }
    }

    private static void EnsureLevel(EscalationLevelInput level, int number, Func<string, bool> isActiveUser)
    {
        var field = $"Levels[{number - 1}]";
        if (!Enum.IsDefined(level.Target) || level.Target == SlaTarget.Node || !Enum.IsDefined(level.Recipient))
        {
            throw new DomainException("EscalationLevelInvalid", $"Escalation level {number} is incomplete.", number) { Field = field };
        }

        if (level.AfterMinutes <= 0 || level.AfterMinutes > MaxMinutes)
        {
            throw new DomainException("EscalationAfterNotPositive", $"Escalation level {number} must wait longer than zero.", number) { Field = field };
        }

        if (level.Recipient == EscalationRecipient.User && (string.IsNullOrEmpty(level.UserId) || !isActiveUser(level.UserId)))
        {
            throw new DomainException("EscalationUserInactive", $"Escalation level {number} must go to an active person.", number) { Field = field };
        }
    }

    private static bool Same(EscalationLevel a, EscalationLevel b) =>
        a.Level == b.Level && a.Target == b.Target && a.AfterMinutes == b.AfterMinutes && a.Recipient == b.Recipient && a.UserId == b.UserId;
}

/// <summary>A policy was created, changed or deleted.</summary>
public sealed record SlaPolicyChanged(SlaPolicy Policy) : IDomainEvent;
