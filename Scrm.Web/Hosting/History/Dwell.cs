namespace Scrm.Web.Hosting.History;

/// <summary>How long work waits at a step: log-normal (most quick, a long tail), by its median and spread.</summary>
internal readonly record struct Dwell(double MedianMinutes, double Sigma)
{
    public TimeSpan Sample(Random random, double slowdown = 1)
    {
        // Box–Muller: one standard normal from two uniforms.
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return TimeSpan.FromMinutes(Math.Max(1, MedianMinutes * slowdown * Math.Exp(Sigma * normal)));
    }
}
