using Scrm.Domain.Common;

namespace Scrm.Domain.Settlements;

/// <summary>Statement months: the first day of a China-calendar month.</summary>
public static class LedgerMonth
{
    public static DateOnly Of(DateTime utc)
    {
        var date = EffectiveDates.ChinaDate(utc);
        return new DateOnly(date.Year, date.Month, 1);
    }

    /// <summary>
    /// The month an entry posted at <paramref name="postedAt"/> counts in: its own China month, or, when the payee's
    /// statement for that month is already confirmed, the first month after it that is not (the change lands there as
    /// an adjustment; a confirmed statement never changes).
    /// </summary>
    public static DateOnly ForPosting(DateTime postedAt, IReadOnlyCollection<DateOnly> confirmedMonths)
    {
        var month = Of(postedAt);
        while (confirmedMonths.Contains(month))
        {
            month = month.AddMonths(1);
        }

        return month;
    }

    /// <summary>Parses <c>2026-11</c>; anything else is null.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? d : null;

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
