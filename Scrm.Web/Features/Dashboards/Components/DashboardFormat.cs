using System.Globalization;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards.Components;

/// <summary>How dashboard numbers read on screen, whatever the UI culture: ¥1,234.50, 1,234, 12.5 %, 3 小时 20 分, 4.6.</summary>
public static class DashboardFormat
{
    /// <summary>Shown where there is nothing to measure (no rating, no previous period).</summary>
    public const string Nothing = "—";

    public static string Cell(object? value, DashboardColumnKind kind, IStringLocalizer<SharedResource> l)
    {
        if (value is null)
        {
            return Nothing;
        }

        if (kind == DashboardColumnKind.Text || value is string)
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        var number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
        return kind switch
        {
            DashboardColumnKind.Money => Money.Format(number),
            DashboardColumnKind.Rate => Rate(number),
            DashboardColumnKind.Minutes => Minutes(number, l),
            DashboardColumnKind.Score => number.ToString("0.0", CultureInfo.InvariantCulture),
            _ => Count(number),
        };
    }

    public static string Count(decimal count) => count.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal: 0.125 → "12.5 %".</summary>
    public static string Rate(decimal fraction) =>
        Math.Round(fraction * 100m, 1, MidpointRounding.AwayFromZero).ToString("#,##0.0", CultureInfo.InvariantCulture) + " %";

    /// <summary>Whole minutes as hours and minutes: 200 → "3 小时 20 分" / "3 h 20 min".</summary>
    public static string Minutes(decimal minutes, IStringLocalizer<SharedResource> l)
    {
        var total = (long)Math.Round(minutes, MidpointRounding.AwayFromZero);
        return total < 60 ? l["Dashboard.MinutesOnly", total] : l["Dashboard.HoursMinutes", total / 60, total % 60];
    }
}
