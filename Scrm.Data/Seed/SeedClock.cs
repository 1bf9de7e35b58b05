namespace Scrm.Data.Seed;

/// <summary>A clock the seeders move by hand, so the demo's history happened at the moments they choose.</summary>
internal sealed class SeedClock : TimeProvider
{
    public DateTime UtcNow { get; set; }

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc), TimeSpan.Zero);
}
