namespace Scrm.Web.Hosting.History;

/// <summary>The generator's clock: the domain reads the moment of each step from it, so a history has its own times.</summary>
internal sealed class HistoryClock : TimeProvider
{
    public DateTime UtcNow { get; set; }

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(UtcNow, DateTimeKind.Utc), TimeSpan.Zero);
}
