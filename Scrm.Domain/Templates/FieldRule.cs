using Scrm.Domain.Conditions;

namespace Scrm.Domain.Templates;

/// <summary>
/// 智能必填: "when field <see cref="WhenFieldKey"/> <see cref="Operator"/> <see cref="Operand"/>,
/// field <see cref="RequiredFieldKey"/> is required". Created only through <see cref="TicketTemplate.AddRule"/>.
/// The trigger is a <see cref="Condition"/> on one field, kept in three columns; see <see cref="OperatorsFor"/> for which.
/// </summary>
public sealed class FieldRule
{
    public const int OperandMaxLength = 100;

    private FieldRule() { }

    internal FieldRule(string whenFieldKey, ConditionOperator op, string? operand, string requiredFieldKey)
    {
        WhenFieldKey = whenFieldKey;
        Operator = op;
        Operand = operand;
        RequiredFieldKey = requiredFieldKey;
    }

    public long Id { get; private set; }
    public string WhenFieldKey { get; private set; } = "";

    /// <summary>Stored by name; the names rules used before conditions existed (Equals … IsNotEmpty) are unchanged.</summary>
    public ConditionOperator Operator { get; private set; }

    /// <summary>The value to compare with, in the trigger field's canonical form; null for the empty checks.</summary>
    public string? Operand { get; private set; }

    public string RequiredFieldKey { get; private set; } = "";

    /// <summary>
    /// The operators a rule can test a trigger of <paramref name="type"/> with: those of <see cref="ConditionOperators.For(FieldType)"/>
    /// that take no or one operand (the rule has one <see cref="Operand"/> column) and do not depend on the clock
    /// (<see cref="ConditionOperator.WithinLastHours"/>: whether a field is required must not change while the form is open).
    /// Relative dates (<c>today</c>) are refused as operands for the same reason.
    /// </summary>
    public static IReadOnlyList<ConditionOperator> OperatorsFor(FieldType type) => RuleOperators[(int)type];

    private static readonly IReadOnlyList<ConditionOperator>[] RuleOperators = Enum.GetValues<FieldType>()
        .Select(type => (IReadOnlyList<ConditionOperator>)ConditionOperators.For(type)
            .Where(op => (op.Arity() is OperandArity.None or OperandArity.One) && op != ConditionOperator.WithinLastHours)
            .ToList().AsReadOnly())
        .ToArray();

    /// <summary>
    /// The trigger as a condition. Rules stored before conditions existed are read in today's terms: a checkbox "equals true"
    /// is "is checked" (<see cref="ConditionOperator.IsNotEmpty"/>), and a date "greater/less than" is "after/before".
    /// </summary>
    public Condition ToCondition(FieldType whenFieldType)
    {
        var subject = ConditionSubject.Field(WhenFieldKey);
        return (whenFieldType, Operator) switch
        {
            (FieldType.Checkbox, ConditionOperator.Equals) => new Condition(subject, Operand == "true" ? ConditionOperator.IsNotEmpty : ConditionOperator.IsEmpty, []),
            (FieldType.Checkbox, ConditionOperator.NotEquals) => new Condition(subject, Operand == "true" ? ConditionOperator.IsEmpty : ConditionOperator.IsNotEmpty, []),
            (FieldType.Date, ConditionOperator.GreaterThan) => new Condition(subject, ConditionOperator.After, [Operand ?? ""]),
            (FieldType.Date, ConditionOperator.LessThan) => new Condition(subject, ConditionOperator.Before, [Operand ?? ""]),
            _ => new Condition(subject, Operator, Operand is null ? [] : [Operand]),
        };
    }

    /// <summary>True when the trigger condition holds for these (canonical) values.</summary>
    public bool Applies(FieldType whenFieldType, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        values.TryGetValue(WhenFieldKey, out var value);

        // No clock: rule operators never compare with the time (see OperatorsFor).
        return ToCondition(whenFieldType).EvaluateValue(whenFieldType, value, DateTime.MinValue);
    }
}
