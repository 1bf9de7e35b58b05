using Scrm.Domain.Templates;

namespace Scrm.Domain.Conditions;

/// <summary>How many operands an operator takes.</summary>
public enum OperandArity
{
    /// <summary><see cref="ConditionOperator.IsEmpty"/> and <see cref="ConditionOperator.IsNotEmpty"/>.</summary>
    None,

    /// <summary>Every other operator.</summary>
    One,

    /// <summary><see cref="ConditionOperator.Between"/>: low and high, both inclusive.</summary>
    Two,

    /// <summary><see cref="ConditionOperator.InList"/> and <see cref="ConditionOperator.NotInList"/>.</summary>
    OneOrMore,
}

/// <summary>Which operators suit which subject, and how many operands each takes.</summary>
public static class ConditionOperators
{
    private static readonly IReadOnlyList<ConditionOperator> Numeric = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals,
        ConditionOperator.GreaterThan, ConditionOperator.GreaterOrEqual, ConditionOperator.LessThan, ConditionOperator.LessOrEqual,
        ConditionOperator.Between, ConditionOperator.InList, ConditionOperator.NotInList,
        ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Textual = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals,
        ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.StartsWith, ConditionOperator.EndsWith,
        ConditionOperator.InList, ConditionOperator.NotInList,
        ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Dates = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals,
        ConditionOperator.Before, ConditionOperator.After, ConditionOperator.Between, ConditionOperator.WithinLastHours,
        ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Choice = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals, ConditionOperator.InList, ConditionOperator.NotInList,
        ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Choices = List(
        ConditionOperator.Contains, ConditionOperator.NotContains, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Checkbox = List(ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Link = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals, ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty);

    private static readonly IReadOnlyList<ConditionOperator> Ranked = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals,
        ConditionOperator.GreaterThan, ConditionOperator.GreaterOrEqual, ConditionOperator.LessThan, ConditionOperator.LessOrEqual,
        ConditionOperator.InList, ConditionOperator.NotInList);

    private static readonly IReadOnlyList<ConditionOperator> AlwaysSet = List(
        ConditionOperator.Equals, ConditionOperator.NotEquals, ConditionOperator.InList, ConditionOperator.NotInList);

    // Region, tier, customer level and role can be unknown (no region yet, no customer, an automatic step): the empty checks name that.
    private static readonly IReadOnlyList<ConditionOperator> MaybeSet = Choice;

    public static OperandArity Arity(this ConditionOperator op) => op switch
    {
        ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty => OperandArity.None,
        ConditionOperator.Between => OperandArity.Two,
        ConditionOperator.InList or ConditionOperator.NotInList => OperandArity.OneOrMore,
        _ => OperandArity.One,
    };

    public static bool NeedsOperand(this ConditionOperator op) => op.Arity() != OperandArity.None;

    /// <summary>True when <paramref name="count"/> operands is what <paramref name="op"/> takes.</summary>
    public static bool AcceptsOperandCount(this ConditionOperator op, int count) => op.Arity() switch
    {
        OperandArity.None => count == 0,
        OperandArity.One => count == 1,
        OperandArity.Two => count == 2,
        _ => count >= 1,
    };

    /// <summary>The operators that make sense for a custom field of <paramref name="type"/>, in the order a picker shows them.</summary>
    /// <remarks>A checkbox stores "checked" as <c>true</c> and "unchecked" as no value, so it is tested with
    /// <see cref="ConditionOperator.IsNotEmpty"/> (checked) and <see cref="ConditionOperator.IsEmpty"/> (unchecked).</remarks>
    public static IReadOnlyList<ConditionOperator> For(FieldType type) => type switch
    {
        FieldType.Number or FieldType.WholeNumber or FieldType.Money => Numeric,
        FieldType.Text or FieldType.Multiline or FieldType.Phone or FieldType.OrderLink => Textual,
        FieldType.Date => Dates,
        FieldType.Dropdown => Choice,
        FieldType.MultiSelect => Choices,
        FieldType.Checkbox => Checkbox,
        FieldType.CustomerLink => Link,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field type."),
    };

    /// <summary>The operators that make sense for a built-in fact.</summary>
    /// <remarks><see cref="BuiltInSubject.Urgency"/> is ordered by urgency: <see cref="ConditionOperator.GreaterThan"/> means
    /// MORE urgent than (Urgent &gt; High &gt; Normal &gt; Low), whatever the enum's numbers are.</remarks>
    public static IReadOnlyList<ConditionOperator> For(BuiltInSubject subject) => subject switch
    {
        BuiltInSubject.Urgency => Ranked,
        BuiltInSubject.Template => AlwaysSet,
        BuiltInSubject.Region or BuiltInSubject.RegionTier or BuiltInSubject.CustomerLevel or BuiltInSubject.UserRole => MaybeSet,
        _ => throw new ArgumentOutOfRangeException(nameof(subject), subject, "Unknown built-in subject."),
    };

    /// <summary>The operators for <paramref name="subject"/> read against <paramref name="template"/>; none when the field does not exist.</summary>
    public static IReadOnlyList<ConditionOperator> For(ConditionSubject subject, TicketTemplate template)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(template);
        if (subject.BuiltIn is { } builtIn && subject.FieldKey is null)
        {
            return For(builtIn);
        }

        return subject.FieldKey is { } key && subject.BuiltIn is null && template.FindField(key) is { } field ? For(field.Type) : [];
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<ConditionOperator> List(params ConditionOperator[] ops) => Array.AsReadOnly(ops);
}
