namespace Scrm.Domain.Common;

/// <summary>Something that happened to an aggregate, recorded by its domain method and dispatched when it is saved.</summary>
public interface IDomainEvent;

/// <summary>
/// The root of a consistency boundary: what a command loads, changes through its methods and saves as one.
/// It records the events of its changes; the save pipeline dispatches and clears them, and bumps <see cref="Version"/>.
/// </summary>
public abstract class AggregateRoot
{
    private List<IDomainEvent>? _events;

    /// <summary>
    /// The concurrency token: 1 when first saved, one more with every save that changes the aggregate or one of its
    /// parts. Bumped by the save pipeline, never by hand, so no change can forget it.
    /// </summary>
    public long Version { get; private set; }

    /// <summary>Events raised since the last save.</summary>
    public IReadOnlyList<IDomainEvent> DomainEvents => (IReadOnlyList<IDomainEvent>?)_events ?? [];

    protected void Raise(IDomainEvent domainEvent) => (_events ??= []).Add(domainEvent);

    /// <summary>Hands over the recorded events and forgets them (the save pipeline calls this once it has dispatched them).</summary>
    public IReadOnlyList<IDomainEvent> TakeDomainEvents()
    {
        var events = DomainEvents;
        _events = null;
        return events;
    }
}
