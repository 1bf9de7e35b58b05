using Microsoft.Extensions.Localization;
using Scrm.Web.Features.Dashboards.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>How dwell times read and which heat colour a node gets.</summary>
public static class DwellText
{
    /// <summary>As every dashboard writes durations (<see cref="DashboardFormat.Duration"/>); under a minute reads "不足 1 分钟", nothing measured "无数据".</summary>
    public static string Minutes(IStringLocalizer<SharedResource> l, double? minutes) => minutes switch
    {
        null => l["Dwell.NoData"],
        < 1 and > 0 => l["Dwell.UnderAMinute"],
        { } m => DashboardFormat.Duration((decimal)m, l),
    };

    /// <summary>
    /// The step of <see cref="ScrmTheme.HeatScale"/> for <paramref name="minutes"/> against the slowest node's
    /// <paramref name="max"/>: equal fifths, the slowest node in the hottest; nothing measured has no step.
    /// </summary>
    public static int? HeatStep(double? minutes, double max)
    {
        if (minutes is not { } m)
        {
            return null;
        }

        var steps = ScrmTheme.HeatScale.Count;
        return max <= 0 ? 0 : Math.Min(steps - 1, (int)Math.Floor(m / max * steps));
    }
}
