using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Domain.Conditions;

/// <summary>Everything a condition may read, gathered once per evaluation. Field values are canonical (see FieldValues).</summary>
public sealed record ConditionContext(
    IReadOnlyDictionary<string, string> Fields,
    Urgency Urgency,
    long? RegionId,
    PriceTier? RegionTier,
    CustomerLevel? CustomerLevel,
    long TemplateId,
    Role? UserRole,
    DateTime NowUtc);
