using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;

namespace Scrm.Web.Shared;

/// <summary>"3 小时前" where recency matters more than the exact time; the exact China time after a week.</summary>
public static class RelativeTime
{
    public static string Describe(IStringLocalizer<SharedResource> l, DateTime utc, TimeProvider time)
    {
        var age = time.GetUtcNow().UtcDateTime - utc;
        return age switch
        {
            { TotalMinutes: < 1 } => l["Time.JustNow"],
            { TotalHours: < 1 } => l["Time.MinutesAgo", (int)age.TotalMinutes],
            { TotalDays: < 1 } => l["Time.HoursAgo", (int)age.TotalHours],
            { TotalDays: < 7 } => l["Time.DaysAgo", (int)age.TotalDays],
            _ => ChinaTime.Format(utc),
        };
    }
}
