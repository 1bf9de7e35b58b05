using Microsoft.Extensions.Localization;
using Scrm.Domain.Sla;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Sla.Components;

/// <summary>SLA times in words: targets and time left are working time, so they read as hours and minutes, never days.</summary>
public static class SlaText
{
    /// <summary>"4 小时", "2 小时 10 分", "45 分钟"; a negative span reads as its length.</summary>
    public static string Duration(IStringLocalizer<SharedResource> l, TimeSpan span)
    {
        var minutes = (long)Math.Abs(Math.Floor(span.TotalMinutes));
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours == 0 ? l["Sla.Minutes", rest]
            : rest == 0 ? l["Sla.Hours", hours]
            : l["Sla.HoursMinutes", hours, rest];
    }

    /// <summary>What a badge or countdown says besides the band: "剩余 2 小时", "超时 15 分钟", or nothing while paused.</summary>
    public static string? Left(IStringLocalizer<SharedResource> l, SlaState state) => state.Band switch
    {
        SlaBand.Paused => null,
        SlaBand.Breached => l["Sla.Overdue", Duration(l, state.Left)].Value,
        _ => l["Sla.Left", Duration(l, state.Left)].Value,
    };

    public static string Band(IStringLocalizer<SharedResource> l, SlaBand band) => l[$"SlaBand.{band}"];

    public static string Target(IStringLocalizer<SharedResource> l, SlaTarget target) => l[$"SlaTarget.{target}"];
}
