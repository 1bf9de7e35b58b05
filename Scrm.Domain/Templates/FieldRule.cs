namespace Scrm.Domain.Templates;

/// <summary>
/// 智能必填: "when field <see cref="WhenFieldKey"/> <see cref="Operator"/> <see cref="Operand"/>,
/// field <see cref="RequiredFieldKey"/> is required". Created only through <see cref="TicketTemplate.AddRule"/>.
/// </summary>
public sealed class FieldRule
{
    public const int OperandMaxLength = 100;

    private FieldRule() { }

    internal FieldRule(string whenFieldKey, RuleOperator op, string? operand, string requiredFieldKey)
    {
        WhenFieldKey = whenFieldKey;
        Operator = op;
        Operand = operand;
        RequiredFieldKey = requiredFieldKey;
    }

    public long Id { get; private set; }
    public string WhenFieldKey { get; private set; } = "";
    public RuleOperator Operator { get; private set; }

    /// <summary>The value to compare with, in the trigger field's canonical form; null for the empty checks.</summary>
    public string? Operand { get; private set; }

    public string RequiredFieldKey { get; private set; } = "";

    /// <summary>True when the trigger condition holds for these (canonical) values.</summary>
    public bool Applies(FieldType whenFieldType, IReadOnlyDictionary<string, string> values)
    {
        values.TryGetValue(WhenFieldKey, out var value);
        return FieldValues.Compare(whenFieldType, value, Operator, Operand);
    }
}
