using System.Globalization;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Domain.Conditions;

/// <summary>
/// Canonical operand forms. A field operand is what the field itself would store (<see cref="FieldValues.Normalize"/>), except:
/// text fragments (contains, starts with…) are any trimmed text; a multi-select operand is ONE of its options; a
/// <see cref="ConditionOperator.WithinLastHours"/> operand is a whole number of hours; and a date may be relative to the
/// day of evaluation (<c>today</c>, <c>today+3</c>, <c>today-7</c>, China time). Built-in operands are enum names
/// (<c>Urgent</c>, <c>B</c>, <c>Vip</c>, <c>Agent</c>) or ids (region, template).
/// </summary>
internal static class ConditionOperands
{
    public const int FragmentMaxLength = FieldValues.TextMaxLength;
    public const int MaxHours = 24 * 3660;
    public const int MaxRelativeDays = 3660;
    private const string Today = "today";

    /// <summary>The canonical form of one operand for <paramref name="field"/>, or null when the field could not hold it.</summary>
    public static string? Normalize(FieldDefinition field, ConditionOperator op, string? raw, bool allowRelativeDates)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            return null;
        }

        switch (field.Type)
        {
            case FieldType.Date when op == ConditionOperator.WithinLastHours:
                return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is > 0 and <= MaxHours
                    ? hours.ToString(CultureInfo.InvariantCulture) : null;
            case FieldType.Date when allowRelativeDates && TryParseRelativeDay(text, out var days):
                return FormatRelativeDay(days);
            case FieldType.Dropdown or FieldType.MultiSelect:
                // Options are unique ignoring case, so the admin's casing does not matter; the stored form is the option itself.
                foreach (var option in field.Options)
                {
                    if (string.Equals(option, text, StringComparison.OrdinalIgnoreCase))
                    {
                        return option;
                    }
                }

                return null;
            case FieldType.Text or FieldType.Multiline or FieldType.Phone or FieldType.OrderLink when IsFragment(op):
                return text.Length <= FragmentMaxLength ? text : null;
        }

        var (value, error) = FieldValues.Normalize(field, text);
        return error is null ? value : null;
    }

    /// <summary>The canonical form of one operand for a built-in fact, or null when it names nothing.</summary>
    public static string? Normalize(BuiltInSubject subject, string? raw)
    {
        var text = raw?.Trim() ?? "";
        return subject switch
        {
            BuiltInSubject.Urgency => EnumName<Urgency>(text),
            BuiltInSubject.RegionTier => PriceTier.NormalizeCode(text),
            BuiltInSubject.CustomerLevel => EnumName<CustomerLevel>(text),
            BuiltInSubject.UserRole => EnumName<Role>(text),
            BuiltInSubject.Region or BuiltInSubject.Template => TryParseId(text, out var id) ? id.ToString(CultureInfo.InvariantCulture) : null,
            _ => null,
        };
    }

    /// <summary>A canonical built-in operand as a number: the enum's value or the id.</summary>
    public static bool TryParseBuiltIn(BuiltInSubject subject, string operand, out long value)
    {
        value = 0;
        switch (subject)
        {
            case BuiltInSubject.Region or BuiltInSubject.Template:
                return TryParseId(operand, out value);
            case BuiltInSubject.Urgency when EnumName<Urgency>(operand) is { } name:
                value = (long)Enum.Parse<Urgency>(name);
                return true;
            case BuiltInSubject.CustomerLevel when EnumName<CustomerLevel>(operand) is { } name:
                value = (long)Enum.Parse<CustomerLevel>(name);
                return true;
            case BuiltInSubject.UserRole when EnumName<Role>(operand) is { } name:
                value = (long)Enum.Parse<Role>(name);
                return true;
            default:
                return false;
        }
    }

    public static bool IsFragment(ConditionOperator op) =>
        op is ConditionOperator.Contains or ConditionOperator.NotContains or ConditionOperator.StartsWith or ConditionOperator.EndsWith;

    /// <summary><c>today</c>, <c>today+3</c> or <c>today-7</c> (any case, spaces allowed) as a day offset.</summary>
    public static bool TryParseRelativeDay(string text, out int days)
    {
        days = 0;
        var span = text.AsSpan().Trim();
        if (!span.StartsWith(Today, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        span = span[Today.Length..].TrimStart();
        if (span.IsEmpty)
        {
            return true;
        }

        var sign = span[0] switch { '+' => 1, '-' => -1, _ => 0 };
        if (sign == 0 || !int.TryParse(span[1..].TrimStart(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > MaxRelativeDays)
        {
            return false;
        }

        days = sign * n;
        return true;
    }

    public static string FormatRelativeDay(int days) => days switch
    {
        0 => Today,
        > 0 => Today + "+" + days.ToString(CultureInfo.InvariantCulture),
        _ => Today + "-" + (-days).ToString(CultureInfo.InvariantCulture),
    };

    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseNumber(ReadOnlySpan<char> text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);

    private static bool TryParseId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    // Names only: Enum.TryParse would also take "2" or "Urgent, High".
    private static string? EnumName<T>(string text) where T : struct, Enum
    {
        foreach (var name in Enum.GetNames<T>())
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
