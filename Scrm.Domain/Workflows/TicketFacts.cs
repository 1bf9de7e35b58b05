using Scrm.Domain.Customers;
using Scrm.Domain.Regions;

namespace Scrm.Domain.Workflows;

/// <summary>What conditions may read about a ticket that the ticket itself does not hold.</summary>
public sealed record TicketFacts(PriceTier? RegionTier, CustomerLevel? CustomerLevel)
{
    public static readonly TicketFacts None = new(null, null);
}
