using System.Text.RegularExpressions;
using Scrm.Domain.Common;

namespace Scrm.Domain.Templates;

/// <summary>One custom field of a <see cref="TicketTemplate"/>. Changed only through the template.</summary>
public sealed partial class FieldDefinition
{
    public const int KeyMaxLength = 40;
    public const int LabelMaxLength = 50;
    public const int HelpMaxLength = 200;
    public const int OptionMaxLength = 50;
    public const int MaxOptions = 50;

    private List<string> _options = [];

    private FieldDefinition() { }

    internal FieldDefinition(string key, string label, FieldType type, int sortOrder)
    {
        Key = ValidKey(key);
        Label = Guard.RequiredText(label, "Label", LabelMaxLength);
        Type = type;
        SortOrder = sortOrder;
    }

    public long Id { get; private set; }

    /// <summary>Stable machine name (<c>product_type</c>); values and rules refer to it, so it never changes.</summary>
    public string Key { get; private set; } = "";

    public string Label { get; private set; } = "";
    public FieldType Type { get; private set; }
    public bool IsRequired { get; private set; }
    public string? HelpText { get; private set; }
    public int SortOrder { get; internal set; }

    /// <summary>Bounds for number and money fields.</summary>
    public decimal? Min { get; private set; }
    public decimal? Max { get; private set; }

    /// <summary>Bounds for date fields.</summary>
    public DateOnly? MinDate { get; private set; }
    public DateOnly? MaxDate { get; private set; }

    /// <summary>Choices of a dropdown or multi-select field, in display order.</summary>
    public IReadOnlyList<string> Options => _options;

    internal void Update(string label, bool isRequired, string? helpText, IEnumerable<string>? options,
        decimal? min, decimal? max, DateOnly? minDate, DateOnly? maxDate)
    {
        Label = Guard.RequiredText(label, "Label", LabelMaxLength);
        IsRequired = isRequired;
        HelpText = Guard.OptionalText(helpText, "HelpText", HelpMaxLength);
        if (min is not null && max is not null && min > max)
        {
            throw new DomainException("RangeInverted", "The minimum must not be greater than the maximum.") { Field = "Min" };
        }

        if (minDate is not null && maxDate is not null && minDate > maxDate)
        {
            throw new DomainException("RangeInverted", "The minimum must not be greater than the maximum.") { Field = "MinDate" };
        }

        (Min, Max) = Type.IsNumeric() ? (min, max) : (null, null);
        (MinDate, MaxDate) = Type == FieldType.Date ? (minDate, maxDate) : (null, null);
        _options = Type.HasOptions() ? ValidOptions(options) : [];
    }

    private static List<string> ValidOptions(IEnumerable<string>? options)
    {
        var list = (options ?? []).Select(o => o.Trim()).Where(o => o.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("OptionsRequired", "A dropdown or multi-select field needs at least one option.") { Field = "Options" };
        }

        if (list.Count > MaxOptions)
        {
            throw new DomainException("TooManyOptions", $"A field can have at most {MaxOptions} options.", MaxOptions) { Field = "Options" };
        }

        var tooLong = list.FirstOrDefault(o => !Guard.Fits(o, OptionMaxLength));
        if (tooLong is not null)
        {
            throw new DomainException("OptionTooLong", $"Option \"{tooLong}\" is longer than {OptionMaxLength} characters.", tooLong, OptionMaxLength) { Field = "Options" };
        }

        var duplicate = list.GroupBy(o => o, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DomainException("OptionDuplicate", $"Option \"{duplicate.Key}\" is listed twice.", duplicate.Key) { Field = "Options" };
        }

        return list;
    }

    private static string ValidKey(string key)
    {
        var trimmed = Guard.RequiredText(key, "Key", KeyMaxLength);
        if (!KeyPattern().IsMatch(trimmed))
        {
            throw new DomainException("KeyInvalid", "A field key starts with a letter and holds only letters, digits and underscores.") { Field = "Key" };
        }

        return trimmed;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
