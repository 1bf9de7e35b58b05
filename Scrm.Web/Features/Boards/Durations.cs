using Microsoft.Extensions.Localization;

namespace Scrm.Web.Features.Boards;

/// <summary>A span of working time as a person reads it: 2天3小时, 4小时15分, 25分钟.</summary>
public static class Durations
{
    public static string Describe(IStringLocalizer<SharedResource> l, TimeSpan span)
    {
        var minutes = (long)Math.Max(0, Math.Round(span.TotalMinutes));
        return minutes switch
        {
            >= 24 * 60 => l["Duration.DaysHours", minutes / (24 * 60), minutes % (24 * 60) / 60],
            >= 60 => l["Duration.HoursMinutes", minutes / 60, minutes % 60],
            _ => l["Duration.Minutes", minutes],
        };
    }
}
