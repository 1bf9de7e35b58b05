using System.Globalization;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;

namespace Scrm.Web.Features.Templates;

/// <summary>How fields and rules read in the admin screens, in the user's language.</summary>
public static class TemplateText
{
    private const int OptionsShown = 5;

    public static string TypeName(this IStringLocalizer<SharedResource> l, FieldType type) => l[$"FieldType.{type}"];

    /// <summary>An operator as a picker shows it; on a checkbox the empty checks read "unchecked" and "checked".</summary>
    public static string OperatorName(this IStringLocalizer<SharedResource> l, ConditionOperator op, FieldType? type = null) => (type, op) switch
    {
        (FieldType.Checkbox, ConditionOperator.IsEmpty) => l["Conditions.Unchecked"],
        (FieldType.Checkbox, ConditionOperator.IsNotEmpty) => l["Conditions.Checked"],
        _ => l[$"ConditionOperator.{op}"],
    };

    /// <summary>The options or bounds of a field in one short line; empty when it has none.</summary>
    public static string Settings(this IStringLocalizer<SharedResource> l, FieldDefinition field)
    {
        if (field.Type.HasOptions())
        {
            var shown = string.Join("、", field.Options.Take(OptionsShown));
            return field.Options.Count > OptionsShown ? l["Templates.OptionsMore", shown, field.Options.Count] : shown;
        }

        if (field.Type.IsNumeric())
        {
            return Range(l, Number(field.Type, field.Min), Number(field.Type, field.Max));
        }

        return field.Type == FieldType.Date ? Range(l, Date(field.MinDate), Date(field.MaxDate)) : "";
    }

    /// <summary>"当 产品类型 等于 空调 时，型号 必填". A rule stored in older terms reads as its condition does today.</summary>
    public static string Describe(this IStringLocalizer<SharedResource> l, TicketTemplate template, FieldRule rule)
    {
        var when = template.FindField(rule.WhenFieldKey);
        var required = template.FindField(rule.RequiredFieldKey)?.Label ?? rule.RequiredFieldKey;
        if (when is null)
        {
            return l.Sentence(rule.WhenFieldKey, rule.Operator, rule.Operand, required);
        }

        var condition = rule.ToCondition(when.Type);
        return l.Sentence(when.Label, condition.Operator, condition.Operands.Count > 0 ? condition.Operands[0] : null, required, when.Type);
    }

    public static string Sentence(this IStringLocalizer<SharedResource> l, string when, ConditionOperator op, string? operand, string required,
        FieldType? type = null) =>
        op.NeedsOperand()
            ? l["Templates.RuleSentence", when, l.OperatorName(op, type), operand ?? "", required]
            : l["Templates.RuleSentenceNoOperand", when, l.OperatorName(op, type), required];

    private static string Range(IStringLocalizer<SharedResource> l, string? min, string? max) => (min, max) switch
    {
        (null, null) => "",
        (_, null) => l["Templates.AtLeast", min],
        (null, _) => l["Templates.AtMost", max],
        _ => l["Templates.Between", min, max],
    };

    private static string? Number(FieldType type, decimal? value) => value is not { } v ? null
        : type == FieldType.Money ? v.ToString("¥#,0.00", CultureInfo.InvariantCulture) : FieldValues.FormatNumber(v);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
