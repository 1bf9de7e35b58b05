using System.Globalization;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards;

/// <summary>The quick choices of the period picker; <see cref="Custom"/> takes its days from the URL.</summary>
public enum PeriodPreset
{
    Today,
    ThisWeek,
    ThisMonth,
    Custom,
}

/// <summary>
/// A dashboard's period: whole China days, <see cref="From"/> to <see cref="To"/> inclusive. Rollups are keyed by China
/// day, so a period is a range of keys; <see cref="UtcStart"/>/<see cref="UtcEnd"/> are the instants for detail lists.
/// </summary>
public sealed record DashboardPeriod(PeriodPreset Preset, DateOnly From, DateOnly To)
{
    /// <summary>The longest custom range: three years (leap day included).</summary>
    public const int MaxDays = 3 * 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days just before: what the KPI cards compare with.</summary>
    public DashboardPeriod Previous => new(PeriodPreset.Custom, From.AddDays(-Days), From.AddDays(-1));

    /// <summary>Midnight China time at the start of <see cref="From"/>, in UTC.</summary>
    public DateTime UtcStart => ChinaTime.ToUtc(From.ToDateTime(TimeOnly.MinValue));

    /// <summary>Midnight China time after <see cref="To"/>, in UTC (exclusive).</summary>
    public DateTime UtcEnd => ChinaTime.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));

    public static DashboardPeriod For(PeriodPreset preset, DateOnly today) => preset switch
    {
        PeriodPreset.ThisWeek => new(preset, today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today),
        PeriodPreset.ThisMonth => new(preset, new DateOnly(today.Year, today.Month, 1), today),
        _ => new(PeriodPreset.Today, today, today),
    };

    /// <summary>
    /// Reads the period from the URL (<c>?period=month</c>, or <c>?from=2026-11-01&amp;to=2026-11-30</c>). Nonsense is
    /// ignored (today's period); a real range that cannot be shown is refused with the key of a message that says why.
    /// </summary>
    public static DashboardPeriod Parse(string? preset, string? from, string? to, DateOnly today, out string? errorKey)
    {
        errorKey = null;
        if (TryDate(from) is { } start && TryDate(to) is { } end)
        {
            if (end < start)
            {
                errorKey = "Dashboard.Period.EndBeforeStart";
            }
            else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            {
                errorKey = "Dashboard.Period.TooLong";
            }
            else
            {
                return new(PeriodPreset.Custom, start, end);
            }
        }

        return For(preset?.ToLowerInvariant() switch
        {
            "week" => PeriodPreset.ThisWeek,
            "month" => PeriodPreset.ThisMonth,
            _ => PeriodPreset.Today,
        }, today);
    }

    /// <summary>The URL query that <see cref="Parse"/> reads back to this period.</summary>
    public string ToQuery() => Preset switch
    {
        PeriodPreset.ThisWeek => "period=week",
        PeriodPreset.ThisMonth => "period=month",
        PeriodPreset.Custom => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}",
        _ => "period=today",
    };

    // The generated ToString would print Previous, whose Previous it would print in turn, without end.
    public override string ToString() => $"{Preset} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";

    private static DateOnly? TryDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
