using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

public sealed class SlaSettingsTests
{
    private static readonly WorkingHours NineToSix = new(new TimeOnly(9, 0), new TimeOnly(18, 0));

    private static Dictionary<DayOfWeek, WorkingHours> MondayToFriday() => new()
    {
        [DayOfWeek.Monday] = NineToSix, [DayOfWeek.Tuesday] = NineToSix, [DayOfWeek.Wednesday] = NineToSix,
        [DayOfWeek.Thursday] = NineToSix, [DayOfWeek.Friday] = NineToSix,
    };

    [Fact]
    public void Default_WorksMondayToFridayNineToSix_AndPausesOnHold()
    {
        var settings = SlaSettings.Default();

        Assert.Equal(5, settings.Week.Count);
        Assert.DoesNotContain(settings.Week, d => d.Day is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.All(settings.Week, d => Assert.Equal((new TimeOnly(9, 0), new TimeOnly(18, 0)), (d.Start, d.End)));
        Assert.Equal([TicketStatus.OnHold], settings.WaitingStatuses);
        Assert.Equal(new WorkingHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), settings.Calendar().HoursOn(new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void OverlappingHolidays_AreRefused_AndNothingChanges()
    {
        var settings = SlaSettings.Default();
        settings.TakeDomainEvents();

        var refused = Assert.Throws<DomainException>(() => settings.Update(MondayToFriday(),
            [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"), new(new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 8), "重复")],
            [], [TicketStatus.OnHold]));

        Assert.Equal("HolidaysOverlap", refused.Code);
        Assert.Equal("Holidays", refused.Field);
        Assert.Empty(settings.Holidays);
        Assert.Empty(settings.DomainEvents);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Cancelled)]
    public void AFinishedStatus_CannotWaitOnTheCustomer(TicketStatus status)
    {
        var settings = SlaSettings.Default();

        var refused = Assert.Throws<DomainException>(() => settings.Update(MondayToFriday(), [], [], [TicketStatus.OnHold, status]));

        Assert.Equal("WaitingStatusFinished", refused.Code);
        Assert.Equal([TicketStatus.OnHold], settings.WaitingStatuses);
    }

    [Fact]
    public void AStatusThatDoesNotExist_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => SlaSettings.Default().Update(MondayToFriday(), [], [], [(TicketStatus)42]));

        Assert.Equal(("WaitingStatusInvalid", "WaitingStatuses"), (refused.Code, refused.Field));
    }

    [Fact]
    public void AHolidayWithoutAName_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => SlaSettings.Default().Update(MondayToFriday(),
            [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "  ")], [], []));

        Assert.Equal("Required", refused.Code);
    }

    [Fact]
    public void Update_KeepsTheRowsThatStayTheSame()
    {
        var settings = SlaSettings.Default();
        settings.Update(MondayToFriday(), [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节")], [], [TicketStatus.OnHold]);
        var nationalDay = settings.Holidays.Single();
        var monday = settings.Week.Single(d => d.Day == DayOfWeek.Monday);

        settings.Update(MondayToFriday(),
            [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"), new(new DateOnly(2026, 9, 25), new DateOnly(2026, 9, 27), "中秋节")],
            [new(new DateOnly(2026, 10, 10), "国庆节调休", NineToSix)], [TicketStatus.OnHold, TicketStatus.Assigned]);

        Assert.Same(nationalDay, settings.Holidays.Single(h => h.Name == "国庆节"));
        Assert.Same(monday, settings.Week.Single(d => d.Day == DayOfWeek.Monday));
        Assert.Equal(2, settings.Holidays.Count);
        Assert.Equal(new DateOnly(2026, 10, 10), settings.MakeUpDays.Single().Date);
        Assert.Equal("Assigned,OnHold", settings.WaitingStatusNames);
        // The Saturday make-up day now works, and the holiday does not.
        Assert.NotNull(settings.Calendar().HoursOn(new DateOnly(2026, 10, 10)));
        Assert.Null(settings.Calendar().HoursOn(new DateOnly(2026, 9, 25)));
    }
}
