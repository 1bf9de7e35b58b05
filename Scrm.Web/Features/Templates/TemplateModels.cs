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
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public DateTime? MinDate { get; set; }
    public DateTime? MaxDate { get; set; }

    public IEnumerable<string> Options => (OptionsText ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public static FieldForm From(FieldDefinition field) => new()
    {
        Key = field.Key,
        Label = field.Label,
        Type = field.Type,
        IsRequired = field.IsRequired,
        HelpText = field.HelpText,
        OptionsText = string.Join('\n', field.Options),
        Min = field.Min,
        Max = field.Max,
        MinDate = field.MinDate?.ToDateTime(TimeOnly.MinValue),
        MaxDate = field.MaxDate?.ToDateTime(TimeOnly.MinValue),
    };
}

/// <summary>Input for a conditionally-required rule.</summary>
public sealed class RuleForm
{
    public string? WhenFieldKey { get; set; }
    public ConditionOperator Operator { get; set; } = ConditionOperator.Equals;
    public string? Operand { get; set; }
    public string? RequiredFieldKey { get; set; }
}
