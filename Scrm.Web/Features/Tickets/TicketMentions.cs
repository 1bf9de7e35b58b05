using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

/// <summary>Someone a comment may @mention.</summary>
/// <param name="UserName">The login name, which the picker searches too (张敏 is also <c>zhangmin</c>).</param>
public sealed record MentionCandidate(string UserId, string DisplayName, string UserName, Role Role);

/// <summary>
/// Who may be @mentioned on a ticket: active staff who may read it by <see cref="TicketAccessRules"/> — the desk
/// whose regions cover the ticket (<see cref="RegionScope.UsersSeeing"/>) and the technician it is assigned to. The
/// picker lists them and the server checks a comment's mentions against the same query.
/// </summary>
public static class TicketMentions
{
    public static Task<List<MentionCandidate>> CandidatesAsync(ScrmDbContext db, Ticket ticket, CancellationToken ct)
    {
        var seeing = RegionScope.UsersSeeing(db, ticket.RegionId);
        var desk = RoleSets.TicketDeskRoles;
        return db.UserProfiles.AsNoTracking()
            .Where(p => p.IsActive
                && ((desk.Contains(p.Role) && seeing.Contains(p.Id)) || (p.Role == Role.Technician && p.Id == ticket.AssigneeId)))
            .OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new MentionCandidate(p.Id, p.DisplayName, p.UserName, p.Role))
            .ToListAsync(ct);
    }

    /// <summary>The display names of the people each comment mentions, by comment id.</summary>
    public static async Task<Dictionary<long, List<string>>> NamesAsync(ScrmDbContext db, IReadOnlyCollection<long> commentIds, CancellationToken ct)
    {
        var rows = await db.TicketCommentMentions.AsNoTracking().Where(m => commentIds.Contains(m.CommentId))
            .Join(db.UserProfiles, m => m.UserId, p => p.Id, (m, p) => new { m.CommentId, p.DisplayName })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.CommentId).ToDictionary(g => g.Key, g => g.Select(r => r.DisplayName).ToList());
    }
}
