using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Scrm.Domain.Common;

namespace Scrm.Domain.Templates;

/// <summary>
/// Parses what a user typed into a field's canonical stored form (conditions compare canonical values: see Conditions/Condition).
/// Canonical forms: numbers and money invariant (<c>1234.5</c>, money <c>1234.50</c>), dates <c>yyyy-MM-dd</c>,
/// checkboxes <c>true</c> (unchecked: no value), multi-select a JSON array in option order, customer links the customer id.
/// </summary>
public static partial class FieldValues
{
    public const int TextMaxLength = 200;
    public const int MultilineMaxLength = 2000;

    /// <summary>Longest number, money or date text accepted: far more than any value needs.</summary>
    public const int NumberMaxLength = 30;
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);
    public static readonly DateOnly LatestDate = new(2099, 12, 31);

    /// <summary>Returns the canonical form of <paramref name="raw"/>, null when empty, or an error for the user.</summary>
    public static (string? Value, FieldError? Error) Normalize(FieldDefinition field, string? raw)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0 || (field.Type == FieldType.MultiSelect && text == "[]"))
        {
            return (null, null);
        }

        if (field.Type is FieldType.Number or FieldType.WholeNumber or FieldType.Money or FieldType.Date && text.Length > NumberMaxLength)
        {
            return Fail(field, "TooLong", NumberMaxLength);
        }

        return field.Type switch
        {
            FieldType.Text => MaxLength(field, text, TextMaxLength),
            FieldType.Multiline => MaxLength(field, text, MultilineMaxLength),
            FieldType.Number => Numeric(field, Halfwidth(text), NumberKind.Decimal),
            FieldType.WholeNumber => Numeric(field, Halfwidth(text), NumberKind.Whole),
            FieldType.Money => Numeric(field, Halfwidth(text), NumberKind.Money),
            FieldType.Date => Date(field, Halfwidth(text)),
            FieldType.Dropdown => field.Options.Contains(text) ? (text, null) : Fail(field, "NotAnOption", text),
            FieldType.MultiSelect => MultiSelect(field, text),
            // Unchecked is stored as no value, so a required checkbox means "must be checked".
            FieldType.Checkbox => bool.TryParse(text, out var b) ? (b ? "true" : null, null) : Fail(field, "NotABoolean"),
            FieldType.Phone => Phone(Halfwidth(text)) is { } phone ? (phone, null) : Fail(field, "NotAPhone"),
            FieldType.CustomerLink => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
                ? (id.ToString(CultureInfo.InvariantCulture), null) : Fail(field, "NotACustomer"),
            FieldType.OrderLink => OrderPattern().IsMatch(text) ? (text, null) : Fail(field, "NotAnOrderNumber"),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, "Unknown field type."),
        };
    }

    /// <summary>The items of a canonical multi-select value.</summary>
    public static IReadOnlyList<string> ReadMultiSelect(string? canonical)
    {
        if (string.IsNullOrEmpty(canonical))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(canonical) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    public static string WriteMultiSelect(IEnumerable<string> items) => JsonSerializer.Serialize(items.ToList());

    /// <summary>
    /// The date a user typed, in the forms Chinese users type it: <c>2026-12-25</c>, <c>2026/12/25</c>, <c>2026.12.25</c>,
    /// <c>2026年12月25日</c>, with or without leading zeros; a date-time counts by its date part (what date pickers post).
    /// Full-width digits must be made half-width first (<see cref="Halfwidth"/>).
    /// </summary>
    public static DateOnly? ParseDate(string? text)
    {
        var match = DatePattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        // Year 0 matches the pattern but is no calendar year (DaysInMonth would throw).
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    /// <summary>
    /// Full-width digits and signs as a Chinese input method types them (<c>１２３</c>, <c>．</c>, <c>－</c>, <c>／</c>, <c>＋</c>, <c>，</c>)
    /// in their ASCII form, so numbers, phones and dates are read as the user meant them.
    /// </summary>
    public static string Halfwidth(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            // The full-width forms U+FF01–U+FF5E mirror ASCII 0x21–0x7E; the ideographic space is a space.
            chars[i] = chars[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(chars[i] - 0xFEE0),
                '\u3000' => ' ',
                '。' => '.',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    private static (string?, FieldError?) MaxLength(FieldDefinition field, string text, int max) =>
        Guard.Fits(text, max) ? (text, null) : Fail(field, "TooLong", max);

    private enum NumberKind
    {
        Decimal,
        Whole,
        Money,
    }

    /// <summary>
    /// A number as people type it (<c>1,000.5</c>, full-width <c>１０００．５</c>); null when it is none or longer than
    /// <see cref="NumberMaxLength"/>.
    /// </summary>
    public static decimal? ParseNumber(string text)
    {
        var compact = Halfwidth(text).Replace(",", "", StringComparison.Ordinal).Trim();
        return compact.Length <= NumberMaxLength
            && decimal.TryParse(compact, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? number : null;
    }

    /// <summary>A number without trailing zeros: a bound read back from the database carries its column's scale (0.0 on SQLite, 0.0000 on SQL Server).</summary>
    public static string FormatNumber(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static (string?, FieldError?) Numeric(FieldDefinition field, string text, NumberKind kind)
    {
        if (ParseNumber(text.TrimStart('¥', '￥')) is not { } number)
        {
            return Fail(field, "NotANumber");
        }

        if (kind == NumberKind.Whole && decimal.Truncate(number) != number)
        {
            return Fail(field, "NotAWholeNumber");
        }

        if (kind == NumberKind.Money && decimal.Round(number, 2) != number)
        {
            return Fail(field, "TooManyDecimals");
        }

        if ((field.Min is { } min && number < min) || (field.Max is { } max && number > max))
        {
            return Fail(field, "OutOfRange", Describe(field.Min), Describe(field.Max));
        }

        return (kind == NumberKind.Money ? number.ToString("0.00", CultureInfo.InvariantCulture) : FormatNumber(number), null);
    }

    private static (string?, FieldError?) Date(FieldDefinition field, string text)
    {
        if (ParseDate(text) is not { } date)
        {
            return Fail(field, "NotADate");
        }

        var min = field.MinDate ?? EarliestDate;
        var max = field.MaxDate ?? LatestDate;
        return date < min || date > max
            ? Fail(field, "DateOutOfRange", min.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), max.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            : (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
    }

    private static (string?, FieldError?) MultiSelect(FieldDefinition field, string text)
    {
        IReadOnlyList<string> items;
        try
        {
            items = text.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(text) ?? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        }
        catch (JsonException)
        {
            return Fail(field, "NotAnOption", text);
        }

        // A forged JSON post can hold nulls; they are no option either (["Red",null] must not pass as ["Red"], nor [null] as a value).
        if (items.Any(i => i is null))
        {
            return Fail(field, "NotAnOption", text);
        }

        var unknown = items.FirstOrDefault(i => !field.Options.Contains(i));
        if (unknown is not null)
        {
            return Fail(field, "NotAnOption", unknown);
        }

        // Canonical order is the options' order, so equal selections store equally.
        return items.Count == 0 ? (null, null) : (WriteMultiSelect(field.Options.Where(items.Contains)), null);
    }

    /// <summary>
    /// A phone number as people type it (<c>138 1234 5678</c>, <c>+86 138-1234-5678</c>, <c>0571-8888 8888</c>) in one stored form:
    /// a mobile as its 11 digits, a landline as typed without spaces. Null when it is neither.
    /// </summary>
    private static string? Phone(string text)
    {
        var compact = text.Replace(" ", "", StringComparison.Ordinal);
        foreach (var country in new[] { "+86", "0086" })
        {
            if (compact.StartsWith(country, StringComparison.Ordinal))
            {
                compact = compact[country.Length..].TrimStart('-');
            }
        }

        var digits = compact.Replace("-", "", StringComparison.Ordinal);
        if (digits.Length == 11 && digits[0] == '1' && PhonePattern().IsMatch(digits))
        {
            return digits;
        }

        return PhonePattern().IsMatch(compact) ? compact : null;
    }

    private static string Describe(decimal? bound) => bound is { } b ? FormatNumber(b) : "—";

    private static (string?, FieldError?) Fail(FieldDefinition field, string code, params object[] args) =>
        (null, new FieldError(field.Key, field.Label, code, args));

    // Mainland mobile (11 digits starting 1) or landline with area code (010-12345678, 0571-8888888).
    [GeneratedRegex(@"^(1\d{10}|0\d{2,3}-?\d{7,8})$")]
    private static partial Regex PhonePattern();

    // 2026-12-25, 2026/12/25, 2026.12.25, 2026年12月25日, 2026-1-5; a time after the date (a picker's post) is ignored.
    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})|\s*年\s*(?<m>[0-9]{1,2})\s*月\s*(?<d>[0-9]{1,2})\s*日?)(?:[T ][0-9:.]+Z?)?$")]
    private static partial Regex DatePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{3,39}$")]
    private static partial Regex OrderPattern();
}
