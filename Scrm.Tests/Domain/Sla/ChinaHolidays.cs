using Scrm.Domain.Sla;

namespace Scrm.Tests.Domain.Sla;

/// <summary>
/// Mainland China's 2026 public holidays and make-up working days as the State Council published them (国办发明电,
/// 2025-11-04), written out by hand for the tests, with office hours Monday to Friday.
/// </summary>
internal static class ChinaHolidays
{
    public static readonly BusinessCalendar Calendar2026 = new(
        Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToDictionary(d => d, _ => WorkingHours.Office),
        [
            new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 3), "元旦"),
            new(new DateOnly(2026, 2, 15), new DateOnly(2026, 2, 23), "春节"),
            new(new DateOnly(2026, 4, 4), new DateOnly(2026, 4, 6), "清明节"),
            new(new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 5), "劳动节"),
            new(new DateOnly(2026, 6, 19), new DateOnly(2026, 6, 21), "端午节"),
            new(new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27), "中秋节"),
            new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"),
        ],
        [
            new(new DateOnly(2026, 1, 4), "元旦调休", WorkingHours.Office),
            new(new DateOnly(2026, 2, 14), "春节调休", WorkingHours.Office),
            new(new DateOnly(2026, 2, 28), "春节调休", WorkingHours.Office),
            new(new DateOnly(2026, 5, 9), "劳动节调休", WorkingHours.Office),
            new(new DateOnly(2026, 9, 20), "国庆节调休", WorkingHours.Office),
            new(new DateOnly(2026, 10, 10), "国庆节调休", WorkingHours.Office),
        ]);
}
