using Scrm.Domain.Customers;

namespace Scrm.Domain.Workflows;

/// <summary>What conditions may read about a ticket that the ticket itself does not hold.</summary>
/// <remarks><see cref="RegionTier"/> is the tier code in force for the ticket's city today.</remarks>
public sealed record TicketFacts(string? RegionTier, CustomerLevel? CustomerLevel, long? ParentRegionId = null)
{
    public static readonly TicketFacts None = new(null, null);
}
