using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Common;

namespace Scrm.Data.Outbox;

/// <summary>
/// Does the after-commit work for one event type. Delivery is at least once (a claim can run out mid-delivery), so a
/// consumer must be idempotent: <see cref="OutboxDelivery.MessageId"/> is the key to deduplicate on.
/// </summary>
public interface IOutboxConsumer
{
    /// <summary>
    /// Works one message. Changes made through <paramref name="db"/> are saved together with the message's delivery
    /// mark, in one transaction; an exception leaves the message to be retried with back-off.
    /// </summary>
    Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct);
}

/// <summary>An outbox message as its consumer sees it.</summary>
/// <param name="ActorId">Who made the change that raised the event; null for messages written before it was recorded.</param>
public sealed record OutboxDelivery(long MessageId, string Type, long? TicketId, string Payload, string? ActorId = null)
{
    /// <summary>The event's data, read into the consumer's own shape (the event's properties, by name).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Payload) ?? throw new JsonException($"Outbox message {MessageId} has no payload.");

    internal static OutboxDelivery Of(OutboxMessage message) => new(message.Id, message.Type, message.TicketId, message.Payload, message.ActorId);
}

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the consumer of <typeparamref name="TEvent"/> together with its outbox route: an event is written to
    /// the outbox only when someone consumes it.
    /// </summary>
    public static IServiceCollection AddOutboxConsumer<TEvent, TConsumer>(this IServiceCollection services)
        where TEvent : IDomainEvent
        where TConsumer : class, IOutboxConsumer
    {
        services.AddSingleton(new OutboxRoute(typeof(TEvent)));
        services.AddKeyedSingleton<IOutboxConsumer, TConsumer>(typeof(TEvent).Name);
        return services;
    }
}
