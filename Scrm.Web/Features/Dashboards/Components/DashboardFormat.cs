using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards.Components;

/// <summary>
/// How every dashboard writes its numbers, whatever the UI culture: ¥1,234.50, 1,234, 12.5 %, 4.6, and durations
/// 45 分 / 3 小时 20 分 / 2 天 3 小时. One place, so revenue, operations and dwell read alike on screen.
/// </summary>
public static partial class DashboardFormat
{
    /// <summary>Shown where there is nothing to measure (no rating, no previous period).</summary>
    public const string Nothing = "—";

    /// <summary>A table cell's text: <see cref="Nothing"/> where there is nothing to measure.</summary>
    public static string Cell(DashboardColumnKind kind, object? value, IStringLocalizer l) => Value(kind, value, l) ?? Nothing;

    /// <summary>A value's text by its kind, or null when there is nothing to measure (a tile shows "—" with a "no data" hint).</summary>
    public static string? Value(DashboardColumnKind kind, object? value, IStringLocalizer l) => value switch
    {
        null => null,
        string text => text,
        _ when kind == DashboardColumnKind.Text => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => kind switch
        {
            DashboardColumnKind.Money => Money.Format(ToDecimal(value)),
            DashboardColumnKind.Rate => Rate(ToDecimal(value)),
            DashboardColumnKind.Minutes => Duration(ToDecimal(value), l),
            DashboardColumnKind.Score => Score(ToDecimal(value)),
            _ => Count(ToDecimal(value)),
        },
    };

    public static string Count(decimal count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal: 0.125 → "12.5 %".</summary>
    public static string Rate(decimal fraction) =>
        Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>An average on the 5-point scale with one decimal: 4.55 → "4.6".</summary>
    public static string Score(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whole minutes, read at a glance: "45 分", "3 小时 20 分", "10 小时", and past a day "2 天 3 小时" (the minutes no
    /// longer matter); a zero remainder is left out.
    /// </summary>
    public static string Duration(decimal minutes, IStringLocalizer l)
    {
        var total = (long)Math.Round(Math.Max(minutes, 0), MidpointRounding.AwayFromZero);
        var (days, hours, rest) = (total / (24 * 60), total / 60 % 24, total % 60);
        return total switch
        {
            < 60 => l["Dashboard.MinutesOnly", total],
            < 24 * 60 when rest == 0 => l["Dashboard.HoursOnly", total / 60],
            < 24 * 60 => l["Dashboard.HoursMinutes", total / 60, rest],
            _ when hours == 0 => l["Dashboard.DaysOnly", days],
            _ => l["Dashboard.DaysHours", days, hours],
        };
    }

    /// <summary>A formatted value cut into digits and units: "3 小时 20 分" → 3, " 小时 ", 20, " 分".</summary>
    public static IEnumerable<(string Text, bool IsUnit)> Segments(string text) =>
        DigitsOrNot().Matches(text).Select(m => (m.Value, !char.IsAsciiDigit(m.Value[0])));

    [GeneratedRegex("[0-9][0-9.,]*|[^0-9]+")]
    private static partial Regex DigitsOrNot();

    private static decimal ToDecimal(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
