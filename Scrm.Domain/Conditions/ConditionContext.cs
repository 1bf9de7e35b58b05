using Scrm.Domain.Customers;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Domain.Conditions;

/// <summary>
/// Everything a condition may read, gathered once per evaluation. Field values are canonical (see FieldValues).
/// <see cref="ParentRegionId"/> is the province of the ticket's city, so "region is 浙江省" holds for tickets in 杭州.
/// </summary>
public sealed record ConditionContext(
    IReadOnlyDictionary<string, string> Fields,
    Urgency Urgency,
    long? RegionId,
    string? RegionTier,
    CustomerLevel? CustomerLevel,
    long TemplateId,
    Role? UserRole,
    DateTime NowUtc,
    long? ParentRegionId = null);
