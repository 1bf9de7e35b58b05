namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>Exact percentiles by the nearest-rank method: always one of the measured values, never an interpolation.</summary>
public static class Percentile
{
    /// <summary>
    /// The value at rank ⌈p/100 × n⌉ of the ascending <paramref name="sorted"/> values (p in 1..100), or null when there
    /// are none. Median of 1, 2, 3, 4 is 2; p90 of ten values is the ninth.
    /// </summary>
    public static double? NearestRank(IReadOnlyList<double> sorted, int p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        if (sorted.Count == 0)
        {
            return null;
        }

        // Integer ceiling: 0.9 × 10 in floating point must not become rank 10.
        var rank = (int)(((long)p * sorted.Count + 99) / 100);
        return sorted[rank - 1];
    }
}
