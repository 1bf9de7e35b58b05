using System.Text.Json.Serialization;
using Scrm.Domain.Common;

namespace Scrm.Domain.Sla;

/// <summary>
/// 超时升级记录: one escalation level sent for one ticket. The row is the job's memory: a unique key on (ticket,
/// policy, level) lets each level be sent once, however often and on however many instances the job runs.
/// </summary>
public sealed class SlaEscalation : AggregateRoot
{
    private SlaEscalation() { }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public long PolicyId { get; private set; }
    public int Level { get; private set; }
    public SlaTarget Target { get; private set; }
    public EscalationRecipient Recipient { get; private set; }
    public string? UserId { get; private set; }

    /// <summary>Working minutes the target had used when the level was sent.</summary>
    public int UsedMinutes { get; private set; }

    public DateTime SentAt { get; private set; }

    public static SlaEscalation Send(long ticketId, SlaPolicy policy, EscalationLevel level, TimeSpan used, DateTime now)
    {
        var escalation = new SlaEscalation
        {
            TicketId = ticketId,
            PolicyId = policy.Id,
            Level = level.Level,
            Target = level.Target,
            Recipient = level.Recipient,
            UserId = level.UserId,
            UsedMinutes = (int)used.TotalMinutes,
            SentAt = now,
        };
        escalation.Raise(new SlaEscalationSent(escalation));
        return escalation;
    }
}

/// <summary>An escalation level fell due for a ticket: its recipients are told under the bell. Carried by the outbox as its flat facts.</summary>
public sealed record SlaEscalationSent([property: JsonIgnore] SlaEscalation Escalation) : IDomainEvent
{
    public long TicketId => Escalation.TicketId;
    public int Level => Escalation.Level;
    public SlaTarget Target => Escalation.Target;
    public EscalationRecipient Recipient => Escalation.Recipient;
    public string? UserId => Escalation.UserId;
}
