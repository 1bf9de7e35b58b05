using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

/// <summary>A 4-hour target started Monday 2026-03-09 at 09:00 China time (01:00Z), on a Monday–Friday 09:00–18:00 calendar.</summary>
public sealed class SlaClockTests
{
    private static readonly BusinessCalendar Weekdays = BusinessCalendar.Weekdays();
    private static readonly DateTime Start = new(2026, 3, 9, 1, 0, 0, DateTimeKind.Utc);

    private static SlaClock Clock(params SlaPause[] pauses) => new(Weekdays, Start, TimeSpan.FromHours(4), pauses);

    [Theory]
    [InlineData(0, SlaBand.OnTrack)]
    [InlineData(119, SlaBand.OnTrack)]
    [InlineData(120, SlaBand.AtRisk)]    // exactly half
    [InlineData(179, SlaBand.AtRisk)]
    [InlineData(180, SlaBand.DueSoon)]   // exactly three quarters
    [InlineData(239, SlaBand.DueSoon)]
    [InlineData(240, SlaBand.Breached)]  // due now
    [InlineData(600, SlaBand.Breached)]
    public void Band_AtItsEdges(int minutesLater, SlaBand expected)
    {
        Assert.Equal(expected, Clock().Band(Start.AddMinutes(minutesLater)));
    }

    [Fact]
    public void AClosedPause_StopsTheClock_AndMovesTheDueTime()
    {
        // Paused 10:00–11:00 China time: at 12:00 two hours are used, and it falls due at 14:00 instead of 13:00.
        var clock = Clock(new SlaPause(Start.AddHours(1), Start.AddHours(2)));

        Assert.Equal(TimeSpan.FromHours(2), clock.Used(Start.AddHours(3)));
        Assert.Equal(new DateTime(2026, 3, 9, 6, 0, 0, DateTimeKind.Utc), clock.DueUtc(Start.AddHours(3)));
        Assert.Equal(SlaBand.AtRisk, clock.Band(Start.AddHours(3)));
    }

    [Fact]
    public void AnOpenPause_ShowsPaused_WithNoDueTime()
    {
        var clock = Clock(new SlaPause(Start.AddHours(1), null));

        Assert.Equal(SlaBand.Paused, clock.Band(Start.AddHours(30)));
        Assert.Null(clock.DueUtc(Start.AddHours(30)));
        Assert.Equal(TimeSpan.FromHours(1), clock.Used(Start.AddHours(30)));
    }

    [Fact]
    public void APauseOverNight_CountsOnlyTheWorkingHoursItCovered()
    {
        // Started Monday 09:00; paused Monday 17:00 – Tuesday 10:00 (two working hours); Tuesday 12:00 China time.
        var clock = new SlaClock(Weekdays, Start, TimeSpan.FromHours(16), [new SlaPause(Start.AddHours(8), Start.AddHours(25))]);
        var tuesdayNoon = Start.AddHours(27);

        Assert.Equal(TimeSpan.FromHours(9 + 3 - 2), clock.Used(tuesdayNoon));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void ATargetOfZeroOrLess_IsRefused(int minutes)
    {
        var refused = Assert.Throws<DomainException>(() => new SlaClock(Weekdays, Start, TimeSpan.FromMinutes(minutes)));

        Assert.Equal(("SlaTargetNotPositive", "Target"), (refused.Code, refused.Field));
    }
}
