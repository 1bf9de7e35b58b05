namespace Scrm.Domain.Common;

/// <summary>A lookup list an admin keeps (tiers, partner types, skill tags) changed: pickers and caches refresh.</summary>
public sealed record ReferenceDataChanged(AggregateRoot Item) : IDomainEvent;
