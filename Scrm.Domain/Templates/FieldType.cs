namespace Scrm.Domain.Templates;

/// <summary>The kinds of custom field a template can have.</summary>
public enum FieldType
{
    Text,
    Multiline,
    Number,

    /// <summary>A whole number (a count of units): <c>3.5</c> is refused.</summary>
    WholeNumber,
    Money,
    Date,
    Dropdown,
    MultiSelect,
    Checkbox,
    Phone,
    CustomerLink,
    OrderLink,
}

public static class FieldTypeInfo
{
    public static bool HasOptions(this FieldType type) => type is FieldType.Dropdown or FieldType.MultiSelect;

    public static bool IsNumeric(this FieldType type) => type is FieldType.Number or FieldType.WholeNumber or FieldType.Money;
}
