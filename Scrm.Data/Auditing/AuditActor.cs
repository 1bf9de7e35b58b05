namespace Scrm.Data.Auditing;

/// <summary>The user a change is recorded against.</summary>
public sealed record AuditActor(string Id, string Name)
{
    /// <summary>Changes made by the app itself: migrations, seeding, background jobs.</summary>
    public static readonly AuditActor System = new("system", "System");
}
