using Scrm.Domain.Common;

namespace Scrm.Domain.Sla;

/// <summary>Working hours of one day, in China time: from <see cref="Start"/> until <see cref="End"/>.</summary>
public readonly record struct WorkingHours(TimeOnly Start, TimeOnly End)
{
    public static readonly WorkingHours Office = new(new TimeOnly(9, 0), new TimeOnly(18, 0));

    public TimeSpan Length => End - Start;

    /// <summary>These hours (office hours by default) Monday to Friday, weekends off.</summary>
    public static Dictionary<DayOfWeek, WorkingHours> MondayToFriday(WorkingHours? hours = null) =>
        Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToDictionary(d => d, _ => hours ?? Office);
}

/// <summary>Days off from <see cref="From"/> to <see cref="To"/> inclusive (a public holiday with its 调休 days).</summary>
public sealed record HolidayRange(DateOnly From, DateOnly To, string Name);

/// <summary>A weekend day worked in exchange for a holiday (调休上班), with the day's working hours.</summary>
public sealed record MakeUpWorkday(DateOnly Date, string Name, WorkingHours Hours);

/// <summary>
/// 工作日历: when the clock of an SLA runs. Working hours per weekday, holidays (ranges of days off) and make-up working
/// days (a Saturday or Sunday worked instead). Times go in and out as UTC; days and hours are China time, where the
/// company works. A make-up day is a working day whatever its weekday; a holiday is a day off whatever its weekday.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly Dictionary<DayOfWeek, WorkingHours> _week;
    private readonly List<HolidayRange> _holidays;
    private readonly Dictionary<DateOnly, MakeUpWorkday> _makeUpDays;

    public BusinessCalendar(IReadOnlyDictionary<DayOfWeek, WorkingHours> week, IEnumerable<HolidayRange> holidays, IEnumerable<MakeUpWorkday> makeUpDays)
    {
        foreach (var (day, hours) in week)
        {
            EnsureValid(hours, day.ToString());
        }

        _week = new Dictionary<DayOfWeek, WorkingHours>(week);
        _holidays = holidays.OrderBy(h => h.From).ToList();
        for (var i = 0; i < _holidays.Count; i++)
        {
            if (_holidays[i].To < _holidays[i].From)
            {
                throw new DomainException("HolidayRangeBackwards", $"{_holidays[i].Name} ends before it starts.", _holidays[i].Name) { Field = "Holidays" };
            }

            if (i > 0 && _holidays[i].From <= _holidays[i - 1].To)
            {
                throw new DomainException("HolidaysOverlap", $"{_holidays[i - 1].Name} and {_holidays[i].Name} overlap.", _holidays[i - 1].Name, _holidays[i].Name)
                { Field = "Holidays" };
            }
        }

        _makeUpDays = [];
        foreach (var day in makeUpDays)
        {
            EnsureValid(day.Hours, day.Name);
            if (IsHoliday(day.Date) || !_makeUpDays.TryAdd(day.Date, day))
            {
                throw new DomainException("MakeUpDayConflict", $"{day.Date:yyyy-MM-dd} is already a holiday or a make-up day.", day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                { Field = "MakeUpDays" };
            }
        }
    }

    /// <summary>Monday to Friday, 09:00–18:00, no holidays: the calendar of a company that set none.</summary>
    public static BusinessCalendar Weekdays(WorkingHours? hours = null) => new(
        WorkingHours.MondayToFriday(hours),
        [], []);

    /// <summary>The working hours of a China date, or null for a day off.</summary>
    public WorkingHours? HoursOn(DateOnly date)
    {
        if (_makeUpDays.TryGetValue(date, out var makeUp))
        {
            return makeUp.Hours;
        }

        return IsHoliday(date) ? null : _week.TryGetValue(date.DayOfWeek, out var hours) ? hours : null;
    }

    /// <summary>Working time between two moments (zero when <paramref name="toUtc"/> is not later).</summary>
    public TimeSpan WorkingTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ChinaTime.FromUtc(fromUtc);
        var to = ChinaTime.FromUtc(toUtc);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (HoursOn(day) is not { } hours)
            {
                continue;
            }

            var open = Max(day.ToDateTime(hours.Start), from);
            var close = Min(day.ToDateTime(hours.End), to);
            if (close > open)
            {
                total += close - open;
            }
        }

        return total;
    }

    /// <summary>
    /// The moment <paramref name="amount"/> of working time after <paramref name="fromUtc"/>: a target of 4 working hours
    /// set at 17:00 on a Friday falls due at 12:00 on Monday. Null when the calendar has no working day in the next
    /// ten years (a week with no hours).
    /// </summary>
    public DateTime? AddWorkingTime(DateTime fromUtc, TimeSpan amount)
    {
        var from = ChinaTime.FromUtc(fromUtc);
        var left = amount < TimeSpan.Zero ? TimeSpan.Zero : amount;
        var limit = DateOnly.FromDateTime(from).AddYears(10);
        for (var day = DateOnly.FromDateTime(from); day <= limit; day = day.AddDays(1))
        {
            if (HoursOn(day) is not { } hours)
            {
                continue;
            }

            var open = Max(day.ToDateTime(hours.Start), from);
            var close = day.ToDateTime(hours.End);
            if (close <= open)
            {
                continue;
            }

            if (close - open >= left)
            {
                return ChinaTime.ToUtc(open + left);
            }

            left -= close - open;
        }

        return null;
    }

    /// <summary>
    /// The moment <paramref name="amount"/> of working time before <paramref name="toUtc"/> (the reverse of
    /// <see cref="AddWorkingTime"/>): when a clock must have started to have used that much by then. Null when the
    /// calendar has no working day in the ten years before.
    /// </summary>
    public DateTime? SubtractWorkingTime(DateTime toUtc, TimeSpan amount)
    {
        var to = ChinaTime.FromUtc(toUtc);
        var left = amount < TimeSpan.Zero ? TimeSpan.Zero : amount;
        var limit = DateOnly.FromDateTime(to).AddYears(-10);
        for (var day = DateOnly.FromDateTime(to); day >= limit; day = day.AddDays(-1))
        {
            if (HoursOn(day) is not { } hours)
            {
                continue;
            }

            var open = day.ToDateTime(hours.Start);
            var close = Min(day.ToDateTime(hours.End), to);
            if (close <= open)
            {
                continue;
            }

            if (close - open >= left)
            {
                return ChinaTime.ToUtc(close - left);
            }

            left -= close - open;
        }

        return null;
    }

    private bool IsHoliday(DateOnly date)
    {
        foreach (var holiday in _holidays)
        {
            if (date < holiday.From)
            {
                return false;
            }

            if (date <= holiday.To)
            {
                return true;
            }
        }

        return false;
    }

    private static void EnsureValid(WorkingHours hours, string what)
    {
        if (hours.End <= hours.Start)
        {
            throw new DomainException("WorkingHoursBackwards", $"The working hours of {what} must end after they start.", what) { Field = "Hours" };
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
