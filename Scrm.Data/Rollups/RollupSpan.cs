using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Scrm.Data.Rollups;

/// <summary>A run of China days, both ends included.</summary>
public readonly record struct DayRange(DateOnly From, DateOnly To);

/// <summary>Revenue, cost (fen) and net settlements summed from money rollup rows.</summary>
public readonly record struct MoneySums(long RevenueFen, long CostFen, long Settled)
{
    public static MoneySums operator +(MoneySums a, MoneySums b) => new(a.RevenueFen + b.RevenueFen, a.CostFen + b.CostFen, a.Settled + b.Settled);

    public static MoneySums operator -(MoneySums a, MoneySums b) => new(a.RevenueFen - b.RevenueFen, a.CostFen - b.CostFen, a.Settled - b.Settled);

    public bool IsZero => RevenueFen == 0 && CostFen == 0 && Settled == 0;
}

/// <summary>
/// A period as the money rollups read it: the calendar months from <see cref="FirstMonth"/> to <see cref="LastMonth"/>
/// from the month tables, plus <see cref="AddDays"/> and minus <see cref="SubtractDays"/> from the day tables. A month the
/// period only partly covers is read as its days inside the period, or as the whole month minus its days outside, whichever
/// is fewer days — so any period reads at most about a month of day rows, and a year reads 12 month rows per key.
/// </summary>
public sealed record RollupSpan(DateOnly? FirstMonth, DateOnly? LastMonth, IReadOnlyList<DayRange> AddDays, IReadOnlyList<DayRange> SubtractDays)
{
    /// <summary>The first day of <paramref name="day"/>'s month: the key of the month tables.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static RollupSpan Of(DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        var add = new List<DayRange>();
        var subtract = new List<DayRange>();
        for (var month = MonthOf(from); month <= to; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            var (inFrom, inTo) = (from > month ? from : month, to < last ? to : last);
            var inside = inTo.DayNumber - inFrom.DayNumber + 1;
            var outside = last.DayNumber - month.DayNumber + 1 - inside;
            if (outside > 0 && inside <= outside)
            {
                add.Add(new DayRange(inFrom, inTo));
                continue;
            }

            // Interior months are whole, so the months read form one contiguous run.
            months.Add(month);
            if (month < inFrom)
            {
                subtract.Add(new DayRange(month, inFrom.AddDays(-1)));
            }

            if (inTo < last)
            {
                subtract.Add(new DayRange(inTo.AddDays(1), last));
            }
        }

        return new RollupSpan(months.Count > 0 ? months[0] : null, months.Count > 0 ? months[^1] : null, add, subtract);
    }

    /// <summary>
    /// Sums a money rollup over the span, grouped by <typeparamref name="TKey"/>: one grouped query over the months and one
    /// per day range. <paramref name="days"/> and <paramref name="months"/> return the rows of a range (ends included) that
    /// the caller may see; the two key selectors must pick the same key from a day row and a month row.
    /// </summary>
    public async Task<Dictionary<TKey, MoneySums>> SumAsync<TDay, TMonth, TKey>(
        Func<DateOnly, DateOnly, IQueryable<TDay>> days, Expression<Func<TDay, TKey>> dayKey,
        Func<DateOnly, DateOnly, IQueryable<TMonth>> months, Expression<Func<TMonth, TKey>> monthKey, CancellationToken ct)
        where TDay : class, IMoneyRollup
        where TMonth : class, IMoneyRollup
        where TKey : notnull
    {
        var sums = new Dictionary<TKey, MoneySums>();
        void Add(IEnumerable<(TKey Key, MoneySums Sums)> rows, bool subtract)
        {
            foreach (var (key, value) in rows)
            {
                var now = sums.GetValueOrDefault(key);
                sums[key] = subtract ? now - value : now + value;
            }
        }

        if (FirstMonth is { } first && LastMonth is { } last)
        {
            Add(await GroupAsync(months(first, last), monthKey, ct), subtract: false);
        }

        foreach (var range in AddDays)
        {
            Add(await GroupAsync(days(range.From, range.To), dayKey, ct), subtract: false);
        }

        foreach (var range in SubtractDays)
        {
            Add(await GroupAsync(days(range.From, range.To), dayKey, ct), subtract: true);
        }

        return sums;
    }

    private static async Task<IEnumerable<(TKey, MoneySums)>> GroupAsync<TRow, TKey>(IQueryable<TRow> rows, Expression<Func<TRow, TKey>> key, CancellationToken ct)
        where TRow : class, IMoneyRollup =>
        (await rows.GroupBy(key).Select(g => new { g.Key, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .ToListAsync(ct))
        .Select(g => (g.Key, new MoneySums(g.Revenue, g.Cost, g.Settled)));
}
