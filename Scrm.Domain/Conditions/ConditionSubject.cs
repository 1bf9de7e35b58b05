namespace Scrm.Domain.Conditions;

/// <summary>Facts about a ticket (and who is acting) that conditions can read besides its custom fields.</summary>
public enum BuiltInSubject
{
    Urgency,
    Region,
    RegionTier,
    CustomerLevel,
    Template,
    UserRole,
}

/// <summary>What a condition reads: a custom field by key, or a built-in fact.</summary>
public sealed record ConditionSubject(string? FieldKey, BuiltInSubject? BuiltIn)
{
    public static ConditionSubject Field(string key) => new(key, null);

    public static ConditionSubject Of(BuiltInSubject builtIn) => new(null, builtIn);
}
