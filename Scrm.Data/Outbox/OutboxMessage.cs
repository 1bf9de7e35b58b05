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

    public DateTime CreatedAt { get; private set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The instance working the message, until <see cref="ClaimedUntil"/>; a claim that ran out may be taken over.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set after the last allowed attempt failed: an admin looks at it and may retry it.</summary>
    public DateTime? ParkedAt { get; set; }

    public string? LastError { get; set; }

    internal static OutboxMessage For(IDomainEvent domainEvent, DateTime now) => new()
    {
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
