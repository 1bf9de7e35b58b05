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

/// <summary>What a condition reads: a custom field by key, or a built-in fact. Exactly one of the two is set.</summary>
public sealed record ConditionSubject(string? FieldKey, BuiltInSubject? BuiltIn)
{
    public static ConditionSubject Field(string key) => new(key, null);

    public static ConditionSubject Of(BuiltInSubject builtIn) => new(null, builtIn);

    /// <summary>False for a subject that names both a field and a built-in fact, or neither (only a forged or broken graph has one).</summary>
    internal bool IsWellFormed => (FieldKey is null) != (BuiltIn is null) && (FieldKey is null || FieldKey.Length > 0);

    public override string ToString() => FieldKey ?? BuiltIn?.ToString() ?? "(nothing)";
}
