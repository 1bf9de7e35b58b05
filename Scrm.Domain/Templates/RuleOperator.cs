namespace Scrm.Domain.Templates;

/// <summary>Operators a conditionally-required rule (智能必填) can test its trigger field with.</summary>
public enum RuleOperator
{
    Equals,
    NotEquals,
    Contains,
    GreaterThan,
    LessThan,
    IsEmpty,
    IsNotEmpty,
}

public static class RuleOperatorInfo
{
    public static bool NeedsOperand(this RuleOperator op) => op is not (RuleOperator.IsEmpty or RuleOperator.IsNotEmpty);

    /// <summary>The operators that make sense for a trigger field of <paramref name="type"/>.</summary>
    public static IReadOnlyList<RuleOperator> For(FieldType type) => type switch
    {
        FieldType.Number or FieldType.Money or FieldType.Date =>
            [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.GreaterThan, RuleOperator.LessThan, RuleOperator.IsEmpty, RuleOperator.IsNotEmpty],
        FieldType.Checkbox => [RuleOperator.Equals],
        FieldType.Dropdown => [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.IsEmpty, RuleOperator.IsNotEmpty],
        FieldType.MultiSelect => [RuleOperator.Contains, RuleOperator.IsEmpty, RuleOperator.IsNotEmpty],
        _ => [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.Contains, RuleOperator.IsEmpty, RuleOperator.IsNotEmpty],
    };
}
