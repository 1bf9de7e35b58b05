using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Sla.Components;

/// <summary>How a target or a wait is typed: a number of minutes or of hours (working time).</summary>
public enum DurationUnit
{
    Minutes,
    Hours,
}

/// <summary>A number and a unit as typed; the server checks the minutes (zero, negative, too long).</summary>
public sealed class DurationInput
{
    public int? Amount { get; set; }
    public DurationUnit Unit { get; set; } = DurationUnit.Hours;

    /// <summary>An empty box is zero minutes, which the policy refuses with its own message.</summary>
    public int Minutes => (int)Math.Clamp((long)(Amount ?? 0) * (Unit == DurationUnit.Hours ? 60 : 1), int.MinValue, int.MaxValue);

    /// <summary>Whole hours read as hours, anything else as minutes.</summary>
    public static DurationInput Of(int minutes) => minutes > 0 && minutes % 60 == 0
        ? new DurationInput { Amount = minutes / 60, Unit = DurationUnit.Hours }
        : new DurationInput { Amount = minutes, Unit = DurationUnit.Minutes };
}

/// <summary>One escalation level as the dialog edits it.</summary>
public sealed class LevelInput
{
    public SlaTarget Target { get; set; } = SlaTarget.FirstResponse;
    public DurationInput After { get; set; } = new() { Amount = 1 };
    public EscalationRecipient Recipient { get; set; } = EscalationRecipient.RegionSupervisors;
    public string? UserId { get; set; }

    public EscalationLevelInput ToInput() =>
        new(Target, After.Minutes, Recipient, Recipient == EscalationRecipient.User ? UserId : null);
}

/// <summary>A policy as the dialog edits it; template and urgency are chosen once, when it is created.</summary>
public sealed class SlaPolicyEdit
{
    public long Id { get; init; }
    public long Version { get; init; }
    public long? TemplateId { get; set; }
    public Urgency Urgency { get; set; } = Urgency.Normal;
    public DurationInput FirstResponse { get; set; } = new() { Amount = 1 };
    public DurationInput Resolution { get; set; } = new() { Amount = 8 };
    public List<LevelInput> Levels { get; } = [];

    public bool IsNew => Id == 0;

    public static SlaPolicyEdit From(SlaPolicyForm form)
    {
        var edit = new SlaPolicyEdit
        {
            Id = form.Id,
            Version = form.Version,
            TemplateId = form.TemplateId,
            Urgency = form.Urgency,
            FirstResponse = DurationInput.Of(form.FirstResponseMinutes),
            Resolution = DurationInput.Of(form.ResolutionMinutes),
        };
        edit.Levels.AddRange(form.Levels.Select(l => new LevelInput
        {
            Target = l.Target, After = DurationInput.Of(l.AfterMinutes), Recipient = l.Recipient, UserId = l.UserId,
        }));
        return edit;
    }

    public SlaPolicyForm ToForm() => new(Id, Version, TemplateId ?? 0, Urgency, FirstResponse.Minutes, Resolution.Minutes,
        Levels.Select(l => l.ToInput()).ToList());
}
