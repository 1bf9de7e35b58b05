using System.Globalization;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Sla.Components;

/// <summary>One weekday as edited: whether it is worked, and its hours as typed ("09:00").</summary>
public sealed class WeekdayRow
{
    public DayOfWeek Day { get; init; }
    public bool Works { get; set; }
    public string? Start { get; set; } = "09:00";
    public string? End { get; set; } = "18:00";
    public string? Error { get; set; }
}

public sealed class HolidayRow
{
    public string? Name { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Error { get; set; }

    /// <summary>Days off the range gives, when both dates are valid and in order.</summary>
    public int? Days => SlaCalendarEdit.Date(From) is { } from && SlaCalendarEdit.Date(To) is { } to && to >= from ? to.DayNumber - from.DayNumber + 1 : null;
}

public sealed class MakeUpRow
{
    public string? Date { get; set; }
    public string? Name { get; set; }
    public string? Start { get; set; } = "09:00";
    public string? End { get; set; } = "18:00";
    public string? Error { get; set; }
}

/// <summary>
/// The calendar tab's form: text as typed, turned into a <see cref="SlaCalendarForm"/> only when every date and time
/// reads; what the rules refuse (overlaps, backwards ranges) is the server's to say.
/// </summary>
public sealed class SlaCalendarEdit
{
    /// <summary>Monday first, as a Chinese calendar reads.</summary>
    public static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Statuses that can mean "waiting on the customer": open, and not yet resolved.</summary>
    public static readonly TicketStatus[] WaitingChoices =
        Enum.GetValues<TicketStatus>().Where(s => TicketStatusRules.IsOpen(s) && s != TicketStatus.Resolved).ToArray();

    public long Version { get; private init; }
    public List<WeekdayRow> Week { get; private init; } = [];
    public List<HolidayRow> Holidays { get; private init; } = [];
    public List<MakeUpRow> MakeUpDays { get; private init; } = [];
    public HashSet<TicketStatus> WaitingStatuses { get; private init; } = [];

    public static SlaCalendarEdit From(SlaCalendarForm form) => new()
    {
        Version = form.Version,
        Week = WeekOrder.Select(d => form.Week.TryGetValue(d, out var hours)
            ? new WeekdayRow { Day = d, Works = true, Start = Time(hours.Start), End = Time(hours.End) }
            : new WeekdayRow { Day = d }).ToList(),
        Holidays = form.Holidays.Select(h => new HolidayRow { Name = h.Name, From = Text(h.From), To = Text(h.To) }).ToList(),
        MakeUpDays = form.MakeUpDays.Select(m => new MakeUpRow { Date = Text(m.Date), Name = m.Name, Start = Time(m.Hours.Start), End = Time(m.Hours.End) }).ToList(),
        WaitingStatuses = form.WaitingStatuses.ToHashSet(),
    };

    /// <summary>The form to save, or null when a date or time does not read (each such row then carries its error).</summary>
    public SlaCalendarForm? ToForm(IStringLocalizer<SharedResource> l)
    {
        ClearErrors();
        var week = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var day in Week.Where(d => d.Works))
        {
            if (Hours(day.Start, day.End) is { } hours)
            {
                week[day.Day] = hours;
            }
            else
            {
                day.Error = l["Sla.TimeInvalid"];
            }
        }

        var holidays = new List<HolidayRange>();
        foreach (var row in Holidays)
        {
            if (Date(row.From) is { } from && Date(row.To) is { } to)
            {
                holidays.Add(new HolidayRange(from, to, row.Name ?? ""));
            }
            else
            {
                row.Error = l["Sla.DateInvalid"];
            }
        }

        var makeUps = new List<MakeUpWorkday>();
        foreach (var row in MakeUpDays)
        {
            if (Date(row.Date) is { } date && Hours(row.Start, row.End) is { } hours)
            {
                makeUps.Add(new MakeUpWorkday(date, row.Name ?? "", hours));
            }
            else
            {
                row.Error = l[Date(row.Date) is null ? "Sla.DateInvalid" : "Sla.TimeInvalid"];
            }
        }

        var broken = Week.Any(d => d.Error is not null) || Holidays.Any(h => h.Error is not null) || MakeUpDays.Any(m => m.Error is not null);
        return broken ? null : new SlaCalendarForm(Version, week, holidays, makeUps, WaitingStatuses.ToList());
    }

    public void ClearErrors()
    {
        Week.ForEach(d => d.Error = null);
        Holidays.ForEach(h => h.Error = null);
        MakeUpDays.ForEach(m => m.Error = null);
    }

    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static WorkingHours? Hours(string? start, string? end) =>
        TimeOf(start) is { } from && TimeOf(end) is { } to ? new WorkingHours(from, to) : null;

    // A browser's time input sends "09:00", some "09:00:00".
    private static TimeOnly? TimeOf(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
