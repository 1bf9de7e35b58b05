using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Domain.Sla;

/// <summary>
/// The company's SLA settings (one row): the business calendar every SLA clock runs on — working hours per weekday,
/// holidays and make-up working days (调休) — and the statuses in which a ticket waits on the customer, which stop
/// the clock.
/// </summary>
public sealed class SlaSettings : AggregateRoot
{
    public const long TheId = 1;
    public const int NameMaxLength = 30;

    private readonly List<SlaWorkingDay> _week = [];
    private readonly List<SlaHoliday> _holidays = [];
    private readonly List<SlaMakeUpDay> _makeUpDays = [];

    private SlaSettings() { }

    public long Id { get; private set; }

    public IReadOnlyCollection<SlaWorkingDay> Week => _week;
    public IReadOnlyCollection<SlaHoliday> Holidays => _holidays;
    public IReadOnlyCollection<SlaMakeUpDay> MakeUpDays => _makeUpDays;

    /// <summary>Statuses that mean "waiting on the customer", comma-separated names (e.g. <c>OnHold</c>).</summary>
    public string WaitingStatusNames { get; private set; } = "";

    public IReadOnlySet<TicketStatus> WaitingStatuses =>
        WaitingStatusNames.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<TicketStatus>).ToHashSet();

    /// <summary>Monday to Friday 09:00–18:00, no holidays, 挂起 (OnHold) waits on the customer: what a new company starts with.</summary>
    public static SlaSettings Default()
    {
        var settings = new SlaSettings { Id = TheId };
        settings.Update(WorkingHours.MondayToFriday(), [], [], [TicketStatus.OnHold]);
        return settings;
    }

    /// <summary>The calendar as the clocks use it.</summary>
    public BusinessCalendar Calendar() => new(
        _week.ToDictionary(d => d.Day, d => new WorkingHours(d.Start, d.End)),
        _holidays.Select(h => new HolidayRange(h.From, h.To, h.Name)),
        _makeUpDays.Select(m => new MakeUpWorkday(m.Date, m.Name, new WorkingHours(m.Start, m.End))));

    /// <summary>
    /// Replaces the calendar and the waiting statuses after checking them together (overlapping holidays, a make-up day
    /// on a holiday, hours that end before they start, closed statuses): refused as a whole, nothing changes.
    /// Rows that stay the same are kept, so the history lists only what changed.
    /// </summary>
    public void Update(IReadOnlyDictionary<DayOfWeek, WorkingHours> week, IReadOnlyList<HolidayRange> holidays,
        IReadOnlyList<MakeUpWorkday> makeUpDays, IReadOnlyCollection<TicketStatus> waitingStatuses)
    {
        foreach (var holiday in holidays)
        {
            Guard.RequiredText(holiday.Name, "Holidays", NameMaxLength);
        }

        foreach (var day in makeUpDays)
        {
            Guard.RequiredText(day.Name, "MakeUpDays", NameMaxLength);
        }

        // The calendar's constructor is the one place the calendar rules live.
        _ = new BusinessCalendar(week, holidays, makeUpDays);
        if (waitingStatuses.Any(s => !Enum.IsDefined(s)))
        {
            throw new DomainException("WaitingStatusInvalid", "Choose the waiting statuses from the list.") { Field = "WaitingStatuses" };
        }

        foreach (var done in waitingStatuses.Where(s => !TicketStatusRules.IsOpen(s) || s == TicketStatus.Resolved))
        {
            throw new DomainException("WaitingStatusFinished", $"A {done} ticket does not wait on anyone; it cannot pause the clock.", done) { Field = "WaitingStatuses" };
        }

        Sync(_week, week.Select(d => new SlaWorkingDay(d.Key, d.Value.Start, d.Value.End)).ToList());
        Sync(_holidays, holidays.Select(h => new SlaHoliday(h.From, h.To, h.Name.Trim())).ToList());
        Sync(_makeUpDays, makeUpDays.Select(m => new SlaMakeUpDay(m.Date, m.Name.Trim(), m.Hours.Start, m.Hours.End)).ToList());
        WaitingStatusNames = string.Join(",", waitingStatuses.Distinct().Order());
        Raise(new SlaSettingsChanged(this));
    }

    private static void Sync<T>(List<T> rows, List<T> wanted) where T : ISameAs<T>
    {
        rows.RemoveAll(r => !wanted.Any(w => w.SameAs(r)));
        rows.AddRange(wanted.Where(w => !rows.Any(r => r.SameAs(w))));
    }
}

/// <summary>Rows compared by what they say, not by their key, so an unchanged row is kept.</summary>
public interface ISameAs<in T>
{
    bool SameAs(T other);
}

/// <summary>The working hours of one weekday; a weekday without a row is a day off.</summary>
public sealed class SlaWorkingDay : ISameAs<SlaWorkingDay>
{
    private SlaWorkingDay() { }

    internal SlaWorkingDay(DayOfWeek day, TimeOnly start, TimeOnly end) => (Day, Start, End) = (day, start, end);

    public long Id { get; private set; }
    public DayOfWeek Day { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }

    public bool SameAs(SlaWorkingDay other) => Day == other.Day && Start == other.Start && End == other.End;
}

/// <summary>A public holiday: days off from <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed class SlaHoliday : ISameAs<SlaHoliday>
{
    private SlaHoliday() { }

    internal SlaHoliday(DateOnly from, DateOnly to, string name) => (From, To, Name) = (from, to, name);

    public long Id { get; private set; }
    public DateOnly From { get; private set; }
    public DateOnly To { get; private set; }
    public string Name { get; private set; } = "";

    public bool SameAs(SlaHoliday other) => From == other.From && To == other.To && Name == other.Name;
}

/// <summary>A weekend day worked in exchange for a holiday (调休上班).</summary>
public sealed class SlaMakeUpDay : ISameAs<SlaMakeUpDay>
{
    private SlaMakeUpDay() { }

    internal SlaMakeUpDay(DateOnly date, string name, TimeOnly start, TimeOnly end) => (Date, Name, Start, End) = (date, name, start, end);

    public long Id { get; private set; }
    public DateOnly Date { get; private set; }
    public string Name { get; private set; } = "";
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }

    public bool SameAs(SlaMakeUpDay other) => Date == other.Date && Name == other.Name && Start == other.Start && End == other.End;
}

/// <summary>The calendar or the waiting statuses changed: every SLA clock reads them anew.</summary>
public sealed record SlaSettingsChanged(SlaSettings Settings) : IDomainEvent;
