using Scrm.Domain.Sla;

namespace Scrm.Data.Seed;

/// <summary>Mainland China's public holidays and make-up working days for 2026: the demo company's calendar.</summary>
public static class ChinaCalendar2026
{
    /// <summary>
    /// 2026 as the General Office of the State Council published it on 2025-11-04. 2027's has not been published, so the
    /// demo has none: an admin adds it on /admin/sla when it is.
    /// </summary>
    public static readonly IReadOnlyList<HolidayRange> Holidays =
    [
        new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 3), "元旦"),
        new(new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23), "春节"),
        new(new DateOnly(2026, 4, 4), new DateOnly(2026, 4, 6), "清明节"),
        new(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 5), "劳动节"),
        new(new DateOnly(2026, 6, 19), new DateOnly(2026, 6, 21), "端午节"),
        new(new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27), "中秋节"),
        new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"),
    ];

    public static readonly IReadOnlyList<MakeUpWorkday> MakeUpDays =
    [
        new(new DateOnly(2026, 1, 4), "元旦调休", WorkingHours.Office),
        new(new DateOnly(2026, 2, 14), "春节调休", WorkingHours.Office),
        new(new DateOnly(2026, 2, 28), "春节调休", WorkingHours.Office),
        new(new DateOnly(2026, 5, 9), "劳动节调休", WorkingHours.Office),
        new(new DateOnly(2026, 9, 20), "国庆节调休", WorkingHours.Office),
        new(new DateOnly(2026, 10, 10), "国庆节调休", WorkingHours.Office),
    ];
}
