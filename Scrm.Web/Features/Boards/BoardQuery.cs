using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// The board's queries: every ticket of the board in the actor's region scope that matches the filter, as light slots
/// (what places, counts and orders them), and the full cards of the few it shows. Projections only: no tracking,
/// names joined in SQL, no per-card query. Public for the benchmark.
/// </summary>
public static class BoardQuery
{
    /// <summary>What the query selects: the board, who asks, and which finished tickets still count as recent.</summary>
    /// <param name="EndNodeIds">End nodes of the board's workflow: a ticket resting there is finished even if its status is Resolved.</param>
    /// <param name="ClosedSince">Finished tickets updated before this are off the board.</param>
    public sealed record Scope(BoardKey Key, string UserId, RegionScope Regions, IReadOnlyCollection<string> EndNodeIds, DateTime ClosedSince);

    /// <summary>Every ticket on the board, as slots (not yet placed in columns).</summary>
    public static Task<List<BoardSlot>> SlotsAsync(ScrmDbContext db, Scope scope, BoardFilter filter, CancellationToken ct = default) =>
        Filter(db, Select(db, scope), scope, filter)
            .Select(t => new BoardSlot(t.Id, t.Urgency, t.Status, t.AssigneeId,
                db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                t.WorkflowId, t.CurrentNodeId, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(ct);

    /// <summary>
    /// The cards of these tickets (not yet placed in columns). A ticket missing from the answer is not on the board (any
    /// more): it moved out of the filter, the scope or the template.
    /// </summary>
    public static Task<List<BoardCard>> CardsAsync(ScrmDbContext db, Scope scope, BoardFilter filter, IReadOnlyCollection<long> ids,
        CancellationToken ct = default)
    {
        var wanted = ids.ToList();
        return Filter(db, Select(db, scope), scope, filter).Where(t => wanted.Contains(t.Id))
            .Select(t => new BoardCard(t.Id, t.Number, t.Title, t.Urgency, t.Status, t.TemplateId,
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                t.AssigneeId,
                db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                t.RegionId, t.WorkflowId, t.CurrentNodeId, t.Version, t.CreatedAt, t.UpdatedAt))
            .ToListAsync(ct);
    }

    private static IQueryable<Ticket> Select(ScrmDbContext db, Scope scope)
    {
        var tickets = scope.Regions.Apply(db.Tickets.AsNoTracking());
        tickets = scope.Key.TemplateId is { } templateId
            ? tickets.Where(t => t.TemplateId == templateId)
            : tickets.Where(t => t.AssigneeId == scope.UserId || t.CreatedById == scope.UserId);

        // Open work, plus what finished recently (the closed column).
        var ends = scope.EndNodeIds.ToList();
        var since = scope.ClosedSince;
        return tickets.Where(t => (t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled
                && (t.CurrentNodeId == null || !ends.Contains(t.CurrentNodeId)))
            || t.UpdatedAt >= since);
    }

    private static IQueryable<Ticket> Filter(ScrmDbContext db, IQueryable<Ticket> tickets, Scope scope, BoardFilter filter)
    {
        if (filter.Mine)
        {
            tickets = tickets.Where(t => t.AssigneeId == scope.UserId || t.CreatedById == scope.UserId);
        }

        if (filter.Team && !scope.Regions.IsAll)
        {
            // The user's own regions (a supervisor's team works there); a central user's team is everyone.
            var team = RegionScope.VisibleRegionIds(db, scope.UserId).Select(id => (long?)id);
            tickets = tickets.Where(t => team.Contains(t.RegionId));
        }

        if (filter.RegionId is { } regionId)
        {
            var regionIds = db.Regions.Where(r => r.Id == regionId || r.ParentId == regionId).Select(r => (long?)r.Id);
            tickets = tickets.Where(t => regionIds.Contains(t.RegionId));
        }

        if (filter.Urgencies.Count > 0)
        {
            var urgencies = filter.Urgencies.ToList();
            tickets = tickets.Where(t => urgencies.Contains(t.Urgency));
        }

        if (filter.AssigneeId is { } assigneeId)
        {
            tickets = tickets.Where(t => t.AssigneeId == assigneeId);
        }

        if (filter.CustomerId is { } customerId)
        {
            tickets = tickets.Where(t => t.CustomerId == customerId);
        }

        if (filter.Search is { Length: > InputLimits.SearchMaxLength })
        {
            tickets = tickets.Where(t => false);
        }
        else if (filter.Search is { } search)
        {
            var contains = Like.Contains(search);
            var customers = db.Customers.Where(c => EF.Functions.Like(c.Name, contains, Like.Escape)).Select(c => (long?)c.Id);
            tickets = tickets.Where(t => EF.Functions.Like(t.Number, Like.StartsWith(search), Like.Escape)
                || EF.Functions.Like(t.Title, contains, Like.Escape) || customers.Contains(t.CustomerId));
        }

        return tickets;
    }

    /// <summary>The closed column's cut-off for <paramref name="time"/>'s now.</summary>
    public static DateTime ClosedSinceAt(TimeProvider time) => time.GetUtcNow().UtcDateTime - Domain.Boards.BoardLayout.ClosedWindow;
}
