using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Assignment;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Assignment;

/// <summary>The facts the planner needs about every active technician, read in the transaction that saves the choice.</summary>
internal static class AssignmentCandidates
{
    // A resolved ticket waits only for the desk's follow-up: it is no longer work in a technician's hands.
    private static readonly TicketStatus[] NotLoad = [TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled];

    public static async Task<IReadOnlyList<AssignmentCandidate>> ReadAsync(ScrmDbContext db, CancellationToken ct)
    {
        var people = await db.UserProfiles.AsNoTracking().Where(p => p.Role == Role.Technician && p.IsActive).AsSplitQuery().ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToList();
        var held = await db.Tickets.AsNoTracking().Where(t => t.AssigneeId != null && ids.Contains(t.AssigneeId))
            .GroupBy(t => t.AssigneeId!)
            .Select(g => new { UserId = g.Key, Open = g.Count(t => !NotLoad.Contains(t.Status)), Newest = g.Max(t => t.AssignedAt) })
            .ToDictionaryAsync(x => x.UserId, ct);
        var pending = UnsavedLoad(db);
        return people.Select(p => new AssignmentCandidate(p.Id, p.DisplayName, p.IsActive,
                p.Regions.Select(r => r.RegionId).ToHashSet(), p.Skills.Select(s => s.SkillTagId).ToHashSet(),
                (held.GetValueOrDefault(p.Id)?.Open ?? 0) + pending.GetValueOrDefault(p.Id),
                // When they last got a ticket they still hold.
                held.GetValueOrDefault(p.Id)?.Newest))
            .ToList();
    }

    /// <summary>
    /// Tickets this save creates or reassigns but has not written yet (an import assigns many in one save): each counts
    /// for its new technician and no longer for its old one.
    /// </summary>
    private static Dictionary<string, int> UnsavedLoad(ScrmDbContext db)
    {
        var load = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries<Ticket>())
        {
            var assignee = entry.Property(t => t.AssigneeId);
            if (entry.State == EntityState.Added && entry.Entity.AssigneeId is { } added && !NotLoad.Contains(entry.Entity.Status))
            {
                load[added] = load.GetValueOrDefault(added) + 1;
            }
            else if (entry.State == EntityState.Modified && assignee.IsModified && assignee.OriginalValue != assignee.CurrentValue)
            {
                if (assignee.OriginalValue is { } from)
                {
                    load[from] = load.GetValueOrDefault(from) - 1;
                }

                if (assignee.CurrentValue is { } to)
                {
                    load[to] = load.GetValueOrDefault(to) + 1;
                }
            }
        }

        return load;
    }
}
