namespace Scrm.Domain.Common;

/// <summary>
/// Histories whose entries take effect from a China date (at its midnight, UTC+8) until the next entry: a city's tier,
/// a technician's partner type. New entries only go after the last one, so the past never changes.
/// </summary>
public static class EffectiveDates
{
    /// <summary>The entry in force on <paramref name="date"/>, or default when the history starts later.</summary>
    public static T? AsOf<T>(IEnumerable<T> history, Func<T, DateOnly> effectiveFrom, DateOnly date) =>
        history.Where(e => effectiveFrom(e) <= date).MaxBy(effectiveFrom);

    /// <summary>The China date of a moment: what "as of" means for a UTC instant such as a completion time.</summary>
    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    /// <summary>Refuses an entry that does not come after every existing one.</summary>
    public static void EnsureAfter<T>(IEnumerable<T> history, Func<T, DateOnly> effectiveFrom, DateOnly date, string field)
    {
        var last = history.Select(effectiveFrom).DefaultIfEmpty(DateOnly.MinValue).Max();
        if (history.Any() && date <= last)
        {
            throw new DomainException("EffectiveDateNotAfterLast",
                $"The effective date must be after {last:yyyy-MM-dd}, the date of the latest change.", last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            { Field = field };
        }
    }
}
