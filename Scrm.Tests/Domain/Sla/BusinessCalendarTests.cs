using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

/// <summary>The SLA clock's calendar on mainland China's 2026 holidays (<see cref="ChinaHolidays"/>). Times are UTC; the calendar works in China time (UTC+8).</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar China2026 = ChinaHolidays.Calendar2026;

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void FourHoursFromFridayAtFive_FallDueOnMondayAtNoon()
    {
        // Friday 2026-03-06 17:00 China time; Monday 2026-03-09 12:00 China time.
        Assert.Equal(Utc(3, 9, 4), China2026.AddWorkingTime(Utc(3, 6, 9), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void ATargetCrossingMidnight_ContinuesAtNineTheNextMorning()
    {
        // Thursday 2026-03-05 17:30 + 1 h: half an hour that evening, half the next morning.
        Assert.Equal(Utc(3, 6, 1, 30), China2026.AddWorkingTime(Utc(3, 5, 9, 30), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void TheSaturdayBeforeSpringFestival_IsAWorkingDay()
    {
        // Friday 2026-02-13 17:00 + 4 h: one hour on Friday, three on the make-up Saturday 2026-02-14.
        Assert.Equal(Utc(2, 14, 4), China2026.AddWorkingTime(Utc(2, 13, 9), TimeSpan.FromHours(4)));
    }

    [Fact]
    public void ATargetCrossingSpringFestival_WaitsForTheFirstDayBack()
    {
        // Saturday 2026-02-14 (make-up) 17:00 + 2 h: one hour then, one on Tuesday 2026-02-24 from 09:00.
        Assert.Equal(Utc(2, 24, 2), China2026.AddWorkingTime(Utc(2, 14, 9), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ATargetCrossingNationalDay_WaitsForOctoberTheEighth()
    {
        // Wednesday 2026-09-30 16:00 + 3 h: two hours that day, one on Thursday 2026-10-08.
        Assert.Equal(Utc(10, 8, 2), China2026.AddWorkingTime(Utc(9, 30, 8), TimeSpan.FromHours(3)));
    }

    [Theory]
    [InlineData(2026, 9, 20, true)]   // a Sunday worked for National Day
    [InlineData(2026, 9, 19, false)]  // the Saturday before it is not
    [InlineData(2026, 10, 10, true)]  // a Saturday worked
    [InlineData(2026, 10, 7, false)]  // a Wednesday off
    [InlineData(2026, 6, 19, false)]  // 端午节, a Friday
    [InlineData(2026, 6, 22, true)]   // the Monday after
    public void HoursOn_FollowsHolidaysAndMakeUpDays_OverWeekdays(int year, int month, int day, bool working)
    {
        Assert.Equal(working, China2026.HoursOn(new DateOnly(year, month, day)) is not null);
    }

    [Fact]
    public void WorkingTimeBetween_SkipsQingming()
    {
        // Friday 2026-04-03 17:00 to Tuesday 2026-04-07 10:00: one hour each side of the 4–6 April holiday.
        Assert.Equal(TimeSpan.FromHours(2), China2026.WorkingTimeBetween(Utc(4, 3, 9), Utc(4, 7, 2)));
    }

    [Fact]
    public void TheDayIsChinas_MidnightFallsAtFourPmUtc()
    {
        // 2025-12-31 15:30Z is 23:30 on a Wednesday in China: after hours, so the clock starts on
        // 2026-01-04, the make-up Sunday after New Year's Day (1–3 January).
        var lateOnNewYearsEve = new DateTime(2025, 12, 31, 15, 30, 0, DateTimeKind.Utc);

        Assert.Equal(Utc(1, 4, 2), China2026.AddWorkingTime(lateOnNewYearsEve, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, China2026.WorkingTimeBetween(lateOnNewYearsEve, Utc(1, 3, 15, 59)));
    }

    [Fact]
    public void OverlappingHolidays_AreRefused()
    {
        var refused = Assert.Throws<DomainException>(() => new BusinessCalendar(new Dictionary<DayOfWeek, WorkingHours>(),
            [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"), new(new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 8), "公司假")], []));

        Assert.Equal(("HolidaysOverlap", "Holidays"), (refused.Code, refused.Field));
    }

    [Fact]
    public void AMakeUpDayInsideAHoliday_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => new BusinessCalendar(new Dictionary<DayOfWeek, WorkingHours>(),
            [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节")], [new(new DateOnly(2026, 10, 3), "错误", WorkingHours.Office)]));

        Assert.Equal("MakeUpDayConflict", refused.Code);
    }

    [Fact]
    public void HoursThatEndBeforeTheyStart_AreRefused()
    {
        var refused = Assert.Throws<DomainException>(() => BusinessCalendar.Weekdays(new WorkingHours(new TimeOnly(18, 0), new TimeOnly(9, 0))));

        Assert.Equal("WorkingHoursBackwards", refused.Code);
    }

    [Fact]
    public void AWeekWithoutWorkingHours_HasNoDueTime()
    {
        var never = new BusinessCalendar(new Dictionary<DayOfWeek, WorkingHours>(), [], []);

        Assert.Null(never.AddWorkingTime(Utc(3, 6, 9), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void SubtractingWorkingTime_CrossesAHolidayBackwards()
    {
        // 3 working hours before Thursday 2026-10-08 10:00: one that morning, two on Wednesday 09-30 before the holiday.
        Assert.Equal(Utc(9, 30, 8), China2026.SubtractWorkingTime(Utc(10, 8, 2), TimeSpan.FromHours(3)));
    }

    [Fact]
    public void SubtractingFromAnEvening_StartsFromThatDaysClose()
    {
        // Friday 2026-03-06 22:00 less 30 minutes: 17:30 that day.
        Assert.Equal(Utc(3, 6, 9, 30), China2026.SubtractWorkingTime(Utc(3, 6, 14), TimeSpan.FromMinutes(30)));
    }
}
