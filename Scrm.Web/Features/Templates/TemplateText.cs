using System.Globalization;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Templates;

namespace Scrm.Web.Features.Templates;

/// <summary>How fields and rules read in the admin screens, in the user's language.</summary>
public static class TemplateText
{
    private const int OptionsShown = 5;

    public static string TypeName(this IStringLocalizer<SharedResource> l, FieldType type) => l[$"FieldType.{type}"];

    public static string OperatorName(this IStringLocalizer<SharedResource> l, RuleOperator op) => l[$"RuleOperator.{op}"];

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

    /// <summary>"当 产品类型 等于 空调 时，型号 必填".</summary>
    public static string Describe(this IStringLocalizer<SharedResource> l, TicketTemplate template, FieldRule rule)
    {
        var when = template.FindField(rule.WhenFieldKey);
        return l.Sentence(when?.Label ?? rule.WhenFieldKey, rule.Operator, l.Operand(when?.Type, rule.Operand),
            template.FindField(rule.RequiredFieldKey)?.Label ?? rule.RequiredFieldKey);
    }

    public static string Sentence(this IStringLocalizer<SharedResource> l, string when, RuleOperator op, string? operand, string required) =>
        op.NeedsOperand()
            ? l["Templates.RuleSentence", when, l.OperatorName(op), operand ?? "", required]
            : l["Templates.RuleSentenceNoOperand", when, l.OperatorName(op), required];

    /// <summary>A rule's operand as the admin reads it: a checkbox's <c>true</c> is "checked".</summary>
    public static string Operand(this IStringLocalizer<SharedResource> l, FieldType? type, string? operand) =>
        type == FieldType.Checkbox && operand == "true" ? l["Templates.Checked"] : operand ?? "";

    private static string Range(IStringLocalizer<SharedResource> l, string? min, string? max) => (min, max) switch
    {
        (null, null) => "",
        (_, null) => l["Templates.AtLeast", min],
        (null, _) => l["Templates.AtMost", max],
        _ => l["Templates.Between", min, max],
    };

    private static string? Number(FieldType type, decimal? value) => value is not { } v ? null
        : type == FieldType.Money ? v.ToString("¥#,0.00", CultureInfo.InvariantCulture) : v.ToString("0.############", CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
