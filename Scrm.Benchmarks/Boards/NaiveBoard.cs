using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Boards;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Boards;
using Scrm.Web.Features.Sla;

namespace Scrm.Benchmarks.Boards;

/// <summary>
/// The board read the obvious way, for comparison: every ticket of the board loaded as a tracked entity, its customer
/// and assignee loaded as entities too, sorted in memory, and each card's SLA read one ticket at a time. For a central
/// user on a board without a workflow (the repair board), so no region scope and no node columns.
/// </summary>
public static class NaiveBoard
{
    public static async Task<List<BoardCard>> LoadAsync(ScrmDbContext db, SlaReader sla, long templateId, DateTime closedSince, CancellationToken ct = default)
    {
        var tickets = (await db.Tickets.Where(t => t.TemplateId == templateId).ToListAsync(ct))
            .Where(t => TicketStatusRules.IsOpen(t.Status) || t.UpdatedAt >= closedSince)
            .OrderBy(t => t.Urgency).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToList();
        var customerIds = tickets.Select(t => t.CustomerId).OfType<long>().Distinct().ToList();
        var customers = await db.Customers.Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var assigneeIds = tickets.Select(t => t.AssigneeId).OfType<string>().Distinct().ToList();
        var assignees = await db.UserProfiles.Where(u => assigneeIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);

        var cards = new List<BoardCard>(tickets.Count);
        foreach (var t in tickets)
        {
            var card = new BoardCard(t.Id, t.Number, t.Title, t.Urgency, t.Status, t.TemplateId,
                t.CustomerId is { } c ? customers[c].Name : null, t.AssigneeId, t.AssigneeId is { } a ? assignees[a].DisplayName : null,
                t.RegionId, t.WorkflowId, t.CurrentNodeId, t.Version, t.CreatedAt, t.UpdatedAt);
            cards.Add(card with
            {
                ColumnKey = BoardLayout.ColumnOf(t.Status),
                Sla = SlaEvaluator.Governing(await sla.RunningAsync(db, t.Id, ct)),
            });
        }

        return cards;
    }
}
