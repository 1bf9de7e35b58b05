using System.Globalization;

namespace Scrm.Benchmarks.Live;

/// <summary>How the live runs print: percentiles of samples, and the machine's load (others share these two cores).</summary>
public static class LiveReport
{
    /// <summary>The machine's 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    public static string Mb(long bytes) => (bytes / 1024d / 1024d).ToString("F2", CultureInfo.InvariantCulture);

    public static void Print(string what, IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"{what}: n={sorted.Length} p50={At(0.50):F0} p95={At(0.95):F0} max={sorted[^1]:F0} min={sorted[0]:F0}"));
    }
}
