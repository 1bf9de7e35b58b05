using Scrm.Data.Outbox;
using Scrm.Domain.Common;

namespace Scrm.Data.Saving;

/// <summary>The events of one save, by the aggregate that raised them.</summary>
internal sealed record RaisedEvents(AggregateRoot Root, IReadOnlyList<IDomainEvent> Events);

/// <summary>
/// Runs before the save writes anything: hands each raised event to the in-transaction handlers and writes an outbox
/// row for each event that has after-commit work. Handlers may change more aggregates and so raise more events;
/// those are dispatched in turn.
/// </summary>
internal static class DomainEventDispatcher
{
    private const int MaxRounds = 10;

    public static async Task<List<RaisedEvents>> DispatchAsync(ScrmDbContext db, SaveServices services, CancellationToken ct)
    {
        var raised = new List<RaisedEvents>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var batch = db.ChangeTracker.Entries<AggregateRoot>()
                .Where(e => e.Entity.DomainEvents.Count > 0)
                .Select(e => new RaisedEvents(e.Entity, e.Entity.TakeDomainEvents()))
                .ToList();
            if (batch.Count == 0)
            {
                foreach (var handler in services.Handlers)
                {
                    await handler.CompleteAsync(db, ct);
                }

                return raised;
            }

            raised.AddRange(batch);
            var now = services.Clock.GetUtcNow().UtcDateTime;
            var events = batch.SelectMany(b => b.Events).ToList();
            foreach (var handler in services.Handlers)
            {
                if (events.Where(handler.Handles).ToList() is { Count: > 0 } handled)
                {
                    await handler.PrepareAsync(handled, db, ct);
                }
            }

            foreach (var domainEvent in events)
            {
                foreach (var handler in services.Handlers.Where(h => h.Handles(domainEvent)))
                {
                    await handler.HandleAsync(domainEvent, db, ct);
                }

                if (services.Outbox.Carries(domainEvent))
                {
                    db.Add(OutboxMessage.For(domainEvent, db.Actor.UserId, now));
                }
            }
        }

        throw new InvalidOperationException($"Domain event handlers were still raising events after {MaxRounds} rounds; one of them loops.");
    }
}
