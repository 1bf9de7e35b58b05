using System.Text.Json;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Data.Outbox;

/// <summary>
/// After-commit work, written in the same transaction as the change that asked for it, so a crash between commit
/// and delivery loses nothing. Delivered at least once by the outbox job, which claims rows before working them.
/// </summary>
public sealed class OutboxMessage
{
    public const int TypeMaxLength = 100;
    public const int ErrorMaxLength = 2000;

    private OutboxMessage() { }

    public long Id { get; private set; }

    /// <summary>The event's type name; the consumer registered for it delivers it.</summary>
    public string Type { get; private set; } = "";

    /// <summary>The ticket the event is about, filled in by the save when the ticket is new.</summary>
    public long? TicketId { get; private set; }

    /// <summary>Set only while adding the message, so the database links a new ticket's real id.</summary>
    public Ticket? Ticket { get; private set; }

    /// <summary>The event's own data as JSON (the ticket itself is not in it).</summary>
    public string Payload { get; private set; } = "{}";

    /// <summary>Who made the change that raised the event (a user's id, or the system's): a consumer may act on who did it.</summary>
    public string? ActorId { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }

    /// <summary>The claim working the message, until <see cref="ClaimedUntil"/>; a claim that ran out may be taken over.</summary>
    public string? ClaimedBy { get; private set; }

    public DateTime? ClaimedUntil { get; private set; }
    public DateTime? DeliveredAt { get; private set; }

    /// <summary>Set after the last allowed attempt failed: an admin looks at it and may retry it.</summary>
    public DateTime? ParkedAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>Its consumer did its work: the message is done and its claim let go.</summary>
    public void Delivered(DateTime now)
    {
        DeliveredAt = now;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    /// <summary>
    /// The consumer failed: counts the attempt, lets the claim go and waits <paramref name="backOff"/> before the next;
    /// the <paramref name="maxAttempts"/>th failure parks the message for an admin.
    /// </summary>
    public void Failed(string error, DateTime now, TimeSpan backOff, int maxAttempts)
    {
        Attempts++;
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        NextAttemptAt = now + backOff;
        ClaimedBy = null;
        ClaimedUntil = null;
        if (Attempts >= maxAttempts)
        {
            ParkedAt = now;
        }
    }

    /// <summary>An admin sends a parked message back: it is due at once, with its attempts counted afresh.</summary>
    public void Retry(DateTime now)
    {
        if (ParkedAt is null || DeliveredAt is not null)
        {
            throw new DomainException("OutboxNotParked", $"Outbox message {Id} is not parked.", Id);
        }

        ParkedAt = null;
        Attempts = 0;
        NextAttemptAt = now;
        ClaimedBy = null;
        ClaimedUntil = null;
    }

    internal static OutboxMessage For(IDomainEvent domainEvent, string actorId, DateTime now) => new()
    {
        ActorId = actorId,
        Type = domainEvent.GetType().Name,
        Ticket = (domainEvent as TicketEvent)?.Ticket,
        TicketId = domainEvent is TicketCommented commented ? commented.Comment.TicketId : null,
        Payload = JsonSerializer.Serialize(domainEvent, domainEvent.GetType()),
        CreatedAt = now,
        NextAttemptAt = now,
    };
}

/// <summary>Which events are delivered after commit through the outbox: those a consumer is registered for.</summary>
public sealed class OutboxRoutes(IEnumerable<Type> eventTypes)
{
    public static readonly OutboxRoutes None = new([]);

    private readonly HashSet<Type> _types = [.. eventTypes];

    public bool Carries(IDomainEvent domainEvent) => _types.Contains(domainEvent.GetType());
}

/// <summary>Registered once per event type that a consumer delivers after commit.</summary>
public sealed record OutboxRoute(Type EventType);
