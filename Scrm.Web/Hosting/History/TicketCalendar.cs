using Scrm.Domain.Common;

namespace Scrm.Web.Hosting.History;

/// <summary>
/// When tickets come in: over the last months, growing about 4 % a month, fewer at weekends, mostly in office hours
/// (China time). Returns the creation moments sorted, so ticket ids and numbers follow time.
/// </summary>
internal static class TicketCalendar
{
    // Calls by China hour of day, 0–23.
    private static readonly double[] HourWeights = [0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.8, 2, 3, 3.2, 3, 2, 2.2, 3, 3, 2.8, 2.4, 1.6, 1.3, 1.1, 0.8, 0.5, 0.2];

    public static DateTime[] Moments(int count, int months, DateTime nowUtc, Random random)
    {
        var today = EffectiveDates.ChinaDate(nowUtc);
        var first = today.AddMonths(-months);
        var days = Enumerable.Range(0, today.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToArray();
        var dayWeights = Cumulative(days.Select(d => Math.Pow(1.04, (d.DayNumber - first.DayNumber) / 30.4) * Weekday(d.DayOfWeek)));
        var hourWeights = Cumulative(HourWeights);
        var moments = new DateTime[count];
        for (var i = 0; i < count; i++)
        {
            DateTime at;
            do
            {
                var day = days[Pick(dayWeights, random)];
                var local = day.ToDateTime(new TimeOnly(Pick(hourWeights, random), random.Next(60), random.Next(60)));
                at = ChinaTime.ToUtc(local);
            }
            while (at >= nowUtc);

            moments[i] = at;
        }

        Array.Sort(moments);
        return moments;
    }

    private static double Weekday(DayOfWeek day) => day switch { DayOfWeek.Saturday => 0.75, DayOfWeek.Sunday => 0.6, _ => 1 };

    /// <summary>Running sums of weights, for <see cref="Pick"/>.</summary>
    internal static double[] Cumulative(IEnumerable<double> weights)
    {
        var sum = 0d;
        return weights.Select(w => sum += w).ToArray();
    }

    /// <summary>An index drawn in proportion to the weights whose running sums are given.</summary>
    internal static int Pick(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }
}
