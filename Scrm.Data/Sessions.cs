using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;

namespace Scrm.Data;

/// <summary>A user's session ended (signed out elsewhere, deactivated or given another role) since the page was opened.</summary>
public sealed class SessionEndedException() : DomainException("SessionEnded", "Your session has ended or your role has changed. Sign in again.");

/// <summary>Refuses a data-changing command at once when the database no longer backs the actor's session.</summary>
internal static class Sessions
{
    public static async Task EnsureCurrentAsync(ScrmDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.IsSystem)
        {
            return;
        }

        var current = await db.UserProfiles.AsNoTracking().Where(p => p.Id == actor.UserId)
            .Select(p => new { p.IsActive, p.Role, Stamp = db.Users.Where(u => u.Id == p.Id).Select(u => u.SecurityStamp).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (current is null || !current.IsActive || current.Role != actor.Role
            || (actor.SessionStamp is not null && actor.SessionStamp != current.Stamp))
        {
            throw new SessionEndedException();
        }
    }
}
