using Scrm.Domain.Common;

namespace Scrm.Domain.Notifications;

/// <summary>Why someone was notified.</summary>
public enum NotificationKind
{
    /// <summary>A workflow's notify action: the message its designer wrote.</summary>
    Workflow,

    /// <summary>A timer ran out with escalation.</summary>
    Escalation,

    /// <summary>An SLA escalation level fell due; the text names the target (FirstResponse, Resolution).</summary>
    SlaEscalation,

    /// <summary>Someone else gave the recipient a ticket; the text is who (empty for a rule or job).</summary>
    Assigned,

    /// <summary>The recipient was @mentioned in a comment; the text is the start of the comment.</summary>
    Mentioned,

    /// <summary>The assignment rules found nobody eligible for a ticket: someone must assign it by hand.</summary>
    Unassigned,
}

/// <summary>站内通知: a message for one user about one ticket, shown under the bell until read.</summary>
public sealed class Notification : AggregateRoot
{
    public const int TextMaxLength = 500;

    private Notification() { }

    public long Id { get; private set; }
    public string RecipientId { get; private set; } = "";
    public long TicketId { get; private set; }
    public NotificationKind Kind { get; private set; }

    /// <summary>What the kind says about it: the designer's message, the node that ran out, who assigned, the comment.</summary>
    public string Text { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    /// <summary>The outbox message it came from: delivering that message again finds this one instead of adding another.</summary>
    public long SourceMessageId { get; private set; }

    public static Notification Create(string recipientId, long ticketId, NotificationKind kind, string? text, long sourceMessageId, TimeProvider time)
    {
        var notification = new Notification
        {
            RecipientId = recipientId,
            TicketId = ticketId,
            Kind = kind,
            Text = Guard.Clip(text ?? "", TextMaxLength),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            SourceMessageId = sourceMessageId,
        };
        notification.Raise(new NotificationCreated(notification));
        return notification;
    }

    /// <summary>Only the recipient reads their notifications; reading twice changes nothing.</summary>
    public void MarkRead(string userId, TimeProvider time)
    {
        if (userId != RecipientId)
        {
            throw new DomainException("NotificationNotYours", "This notification is for someone else.");
        }

        if (ReadAt is null)
        {
            ReadAt = time.GetUtcNow().UtcDateTime;
            Raise(new NotificationRead(this));
        }
    }
}

public sealed record NotificationCreated(Notification Notification) : IDomainEvent;

public sealed record NotificationRead(Notification Notification) : IDomainEvent;
