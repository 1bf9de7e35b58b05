using Scrm.Domain.Common;

namespace Scrm.Data.Saving;

/// <summary>
/// Reacts to a domain event inside the transaction that saves it (ledger postings, rollups, due times): what it
/// changes commits or rolls back with the change that raised the event.
/// </summary>
public interface IInTransactionHandler
{
    bool Handles(IDomainEvent domainEvent);

    Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct);

    /// <summary>
    /// Called with every event of a dispatch round this handler handles, before the first is handled: a handler that
    /// reads for each event can read for all of them at once (into <see cref="ScrmDbContext.SaveCache"/>), so a save of
    /// a hundred completions costs a few queries, not a few hundred.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<IDomainEvent> events, ScrmDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// Called once per save after the last dispatch round, before anything is written: a handler that sums what the
    /// whole save changed (the rollups) writes it here, once. Must not raise events.
    /// </summary>
    Task CompleteAsync(ScrmDbContext db, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>A handler for one event type.</summary>
public abstract class InTransactionHandler<TEvent> : IInTransactionHandler where TEvent : IDomainEvent
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is TEvent;

    public Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct) => HandleAsync((TEvent)domainEvent, db, ct);

    protected abstract Task HandleAsync(TEvent domainEvent, ScrmDbContext db, CancellationToken ct);
}
