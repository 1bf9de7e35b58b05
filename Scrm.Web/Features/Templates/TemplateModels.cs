using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;

namespace Scrm.Web.Features.Templates;

public sealed record TemplateRow(long Id, string Name, string? Description, bool IsActive, int FieldCount, int RuleCount, int TicketCount);

/// <summary>Input for adding or changing a custom field. Options are one per line.</summary>
public sealed class FieldForm
{
    public string? Key { get; set; }
    public string? Label { get; set; }
    public FieldType Type { get; set; } = FieldType.Text;
    public bool IsRequired { get; set; }
    public string? HelpText { get; set; }
    public string? OptionsText { get; set; }

    /// <summary>Bounds of a number or money field as typed; <see cref="Bounds"/> reads them.</summary>
    public string? Min { get; set; }

    public string? Max { get; set; }
    public DateTime? MinDate { get; set; }
    public DateTime? MaxDate { get; set; }

    /// <summary>The bounds as numbers; a bound that is no number is refused, never dropped.</summary>
    public (decimal? Min, decimal? Max) Bounds() => (Bound(Min, "Min"), Bound(Max, "Max"));

    /// <summary>The most options of the most characters each, one per line.</summary>
    public const int OptionsTextMaxLength = FieldDefinition.MaxOptions * (FieldDefinition.OptionMaxLength + 1);

    public IEnumerable<string> Options => (OptionsText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static FieldForm From(FieldDefinition field) => new()
    {
        Key = field.Key,
        Label = field.Label,
        Type = field.Type,
        IsRequired = field.IsRequired,
        HelpText = field.HelpText,
        OptionsText = string.Join('\n', field.Options),
        Min = field.Min is { } min ? FieldValues.FormatNumber(min) : null,
        Max = field.Max is { } max ? FieldValues.FormatNumber(max) : null,
        MinDate = field.MinDate?.ToDateTime(TimeOnly.MinValue),
        MaxDate = field.MaxDate?.ToDateTime(TimeOnly.MinValue),
    };

    private static decimal? Bound(string? text, string input)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return FieldValues.ParseNumber(text)
            ?? throw new DomainException("BoundNotANumber", $"\"{text}\" is not a number.", text) { Field = input };
    }
}

/// <summary>Input for a conditionally-required rule.</summary>
public sealed class RuleForm
{
    public string? WhenFieldKey { get; set; }
    public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;
    public string? Operand { get; set; }
    public string? RequiredFieldKey { get; set; }
}
