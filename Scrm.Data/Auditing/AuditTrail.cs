using Scrm.Domain.Auditing;

namespace Scrm.Data.Auditing;

/// <summary>
/// Audit rows the save pipeline cannot write itself. A login (<c>ScrmUser</c>) is never audited by the pipeline, as it
/// holds secrets; an admin's password reset or unlock is still a change of the person's account that the history must show.
/// </summary>
public static class AuditTrail
{
    /// <summary>
    /// Records a change of <paramref name="userId"/>'s login as a change of their profile, by <c>db.Actor</c> at the
    /// pipeline's clock, in the same save as the change. The values say what happened, never a password or its hash.
    /// </summary>
    public static void LoginChanged(ScrmDbContext db, string userId, string field, string? before, string? after)
    {
        var actor = db.Actor;
        var audit = new AuditEntry(db.Pipeline.Clock.GetUtcNow().UtcDateTime, actor.UserId, actor.DisplayName,
            "UserProfile", userId, AuditAction.Updated, field, before, after);
        db.AuditEntries.Add(audit);
        db.Entry(audit).Property(nameof(AuditEntry.UserId)).CurrentValue = userId;
    }
}
