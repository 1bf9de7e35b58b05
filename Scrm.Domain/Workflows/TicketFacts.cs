using Scrm.Domain.Customers;
using Scrm.Domain.Regions;

namespace Scrm.Domain.Workflows;

/// <summary>What conditions may read about a ticket that the ticket itself does not hold.</summary>
public sealed record TicketFacts(PriceTier? RegionTier, CustomerLevel? CustomerLevel, long? ParentRegionId = null)
{
    public static readonly TicketFacts None = new(null, null);
}
