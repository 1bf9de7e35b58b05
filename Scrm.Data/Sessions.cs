using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;

namespace Scrm.Data;

/// <summary>A user's session ended (signed out elsewhere, deactivated or given another role) since the page was opened.</summary>
public sealed class SessionEndedException() : DomainException("SessionEnded", "Your session has ended or your role has changed. Sign in again.");

/// <summary>
/// Whether the database still backs an actor's session: the login exists, its profile is active with the same role,
/// and the security stamp is the one the session was issued with (signing out anywhere changes it). The login cookie,
/// the open circuits and every command ask here.
/// </summary>
public static class Sessions
{
    /// <summary>Refuses a data-changing command at once when the session is no longer current.</summary>
    internal static async Task EnsureCurrentAsync(ScrmDbContext db, Actor actor, CancellationToken ct)
    {
        if (!actor.IsSystem && !await IsCurrentAsync(db, actor, ct))
        {
            throw new SessionEndedException();
        }
    }

    public static Task<bool> IsCurrentAsync(ScrmDbContext db, Actor actor, CancellationToken ct) =>
        IsCurrentAsync(db, actor, mustChangePassword: null, ct);

    /// <summary>
    /// Also compares the forced password change the session was issued with, when given: a session from before an admin's
    /// reset ends, so the next sign-in carries the flag (like a changed role).
    /// </summary>
    public static async Task<bool> IsCurrentAsync(ScrmDbContext db, Actor actor, bool? mustChangePassword, CancellationToken ct)
    {
        var current = await db.UserProfiles.AsNoTracking().Where(p => p.Id == actor.UserId)
            .Select(p => new { p.IsActive, p.Role, p.MustChangePassword, Stamp = db.Users.Where(u => u.Id == p.Id).Select(u => u.SecurityStamp).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        return current is { IsActive: true } && current.Role == actor.Role
            && (actor.SessionStamp is null || actor.SessionStamp == current.Stamp)
            && (mustChangePassword is null || mustChangePassword == current.MustChangePassword);
    }
}
