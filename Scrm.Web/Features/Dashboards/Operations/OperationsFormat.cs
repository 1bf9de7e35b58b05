using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>How the operations dashboard writes its numbers: counts 1,234, rates 12.5 %, scores 4.6, durations 3 小时 20 分.</summary>
public static partial class OperationsFormat
{
    /// <summary>A cell's text, or null when there is nothing to measure (the page shows "—" with a "no data" hint).</summary>
    public static string? Value(DashboardColumnKind kind, object? value, IStringLocalizer l) => value switch
    {
        null => null,
        string text => text,
        _ => kind switch
        {
            DashboardColumnKind.Rate => Rate(ToDecimal(value)),
            DashboardColumnKind.Minutes => Duration(ToDecimal(value), l),
            DashboardColumnKind.Score => Score(ToDecimal(value)),
            _ => Count(ToDecimal(value)),
        },
    };

    public static string Count(decimal value) => value.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal: 0.125 → "12.5 %".</summary>
    public static string Rate(decimal fraction) =>
        Math.Round(fraction * 100, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    public static string Score(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Whole minutes, read at a glance: "45 分", "3 小时 20 分", and past a day "2 天 3 小时" (the minutes no longer matter).</summary>
    public static string Duration(decimal minutes, IStringLocalizer l)
    {
        var total = (long)Math.Round(Math.Max(minutes, 0), MidpointRounding.AwayFromZero);
        return total switch
        {
            < 60 => l["Ops.Duration.Minutes", total],
            < 24 * 60 => l["Ops.Duration.HoursMinutes", total / 60, total % 60],
            _ => l["Ops.Duration.DaysHours", total / (24 * 60), total % (24 * 60) / 60],
        };
    }

    /// <summary>A formatted value cut into digits and units: "3 小时 20 分" → 3, " 小时 ", 20, " 分".</summary>
    public static IEnumerable<(string Text, bool IsUnit)> Segments(string text) =>
        DigitsOrNot().Matches(text).Select(m => (m.Value, !char.IsAsciiDigit(m.Value[0])));

    [GeneratedRegex("[0-9][0-9.,]*|[^0-9]+")]
    private static partial Regex DigitsOrNot();

    private static decimal ToDecimal(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
