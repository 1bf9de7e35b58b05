using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Sla;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

/// <summary>The ticket center's query: filters and search in SQL, then one page of rows. Public for the benchmark.</summary>
public static class TicketListQuery
{
    /// <summary>
    /// One page of the tickets in <paramref name="scope"/> that match <paramref name="query"/>. The scope is applied
    /// before any filter, so a region filter outside it finds nothing rather than another region's tickets.
    /// </summary>
    public static async Task<PagedResult<TicketRow>> RunAsync(ScrmDbContext db, TicketQuery query, RegionScope scope, CancellationToken ct = default)
    {
        var tickets = Matching(db, query, scope);
        var total = await tickets.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, TicketQuery.MaxPageSize);
        var page = await Sort(tickets, query)
            .Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .Select(t => new
            {
                t.Id, t.Number, t.Title, t.Urgency, t.Status, t.CreatedAt, t.UpdatedAt, t.WorkflowId, t.CurrentNodeId,
                Customer = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                Assignee = db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                Region = db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.Name).FirstOrDefault(),
                Template = db.TicketTemplates.Where(tp => tp.Id == t.TemplateId).Select(tp => tp.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // The step each ticket waits at is named in its workflow version's graph: one query for the page's few versions.
        var versionIds = page.Where(r => r.WorkflowId is not null).Select(r => r.WorkflowId!.Value).Distinct().ToList();
        var graphs = versionIds.Count == 0 ? [] : await db.WorkflowDefinitions.AsNoTracking().Where(w => versionIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Graph, ct);
        string? StepOf(long? workflowId, string? nodeId) =>
            workflowId is { } id && graphs.TryGetValue(id, out var graph) ? graph.FindNode(nodeId)?.Name : null;

        return new PagedResult<TicketRow>(
            page.Select(r => new TicketRow(r.Id, r.Number, r.Title, r.Customer, r.Urgency, r.Status, r.Assignee, r.Region, r.Template ?? "",
                r.CreatedAt, r.UpdatedAt, StepOf(r.WorkflowId, r.CurrentNodeId))).ToList(),
            total);
    }

    /// <summary>
    /// Every ticket in <paramref name="scope"/> that matches <paramref name="query"/>'s filters and search, unsorted and
    /// untracked: the rows the center would page through (the bulk export streams them all).
    /// </summary>
    public static IQueryable<Ticket> Matching(ScrmDbContext db, TicketQuery query, RegionScope scope) =>
        Filter(db, scope.Apply(db.Tickets.AsNoTracking()), query);

    /// <summary>The SLA column: each row's target with the least time left, in one more query for the whole page, not one per row.</summary>
    public static async Task<PagedResult<TicketRow>> WithSlaAsync(ScrmDbContext db, SlaReader sla, PagedResult<TicketRow> page, CancellationToken ct)
    {
        var states = await sla.GoverningAsync(db, page.Items.Select(r => r.Id).ToList(), ct);
        return page with { Items = page.Items.Select(r => r with { Sla = states.GetValueOrDefault(r.Id) }).ToList() };
    }

    private static IQueryable<Ticket> Filter(ScrmDbContext db, IQueryable<Ticket> tickets, TicketQuery query)
    {
        if (query.Statuses.Count > 0)
        {
            tickets = tickets.Where(t => query.Statuses.Contains(t.Status));
        }

        if (query.Urgencies.Count > 0)
        {
            tickets = tickets.Where(t => query.Urgencies.Contains(t.Urgency));
        }

        if (query.RegionId is { } regionId)
        {
            // A province filter takes in its cities. An IN list (not OR EXISTS) lets SQLite use the RegionId index.
            var regionIds = db.Regions.Where(r => r.Id == regionId || r.ParentId == regionId).Select(r => (long?)r.Id);
            tickets = tickets.Where(t => regionIds.Contains(t.RegionId));
        }

        if (!string.IsNullOrEmpty(query.AssigneeId))
        {
            tickets = tickets.Where(t => t.AssigneeId == query.AssigneeId);
        }

        if (query.CustomerId is { } customerId)
        {
            tickets = tickets.Where(t => t.CustomerId == customerId);
        }

        if (query.TemplateId is { } templateId)
        {
            tickets = tickets.Where(t => t.TemplateId == templateId);
        }

        if (query.CreatedFrom is { } from)
        {
            var fromUtc = ChinaTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            tickets = tickets.Where(t => t.CreatedAt >= fromUtc);
        }

        if (query.CreatedTo is { } to)
        {
            var toUtc = ChinaTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            tickets = tickets.Where(t => t.CreatedAt < toUtc);
        }

        if (query.SlaBreached)
        {
            tickets = tickets.Where(t => t.SlaBreachedAt != null);
        }

        if (query.Search is { Length: > InputLimits.SearchMaxLength })
        {
            // Longer than any title, number or name it could match: the browser caps the box, so only a forged call gets here.
            tickets = tickets.Where(t => false);
        }
        else if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var contains = Like.Contains(query.Search);
            var startsWith = Like.StartsWith(query.Search);
            var customers = db.Customers.Where(c => EF.Functions.Like(c.Name, contains, Like.Escape)).Select(c => (long?)c.Id);
            tickets = tickets.Where(t => EF.Functions.Like(t.Number, startsWith, Like.Escape)
                || EF.Functions.Like(t.Title, contains, Like.Escape)
                || customers.Contains(t.CustomerId));
        }

        return tickets;
    }

    /// <summary>
    /// Statuses are stored as text, which sorts alphabetically; this CASE expression (run by the database, on both
    /// providers) sorts them in the order a ticket lives through them.
    /// </summary>
    private static readonly Expression<Func<Ticket, int>> LifecycleRank = t =>
        t.Status == TicketStatus.New ? 0
        : t.Status == TicketStatus.Assigned ? 1
        : t.Status == TicketStatus.InProgress ? 2
        : t.Status == TicketStatus.OnHold ? 3
        : t.Status == TicketStatus.Resolved ? 4
        : t.Status == TicketStatus.Closed ? 5
        : 6;

    private static IQueryable<Ticket> Sort(IQueryable<Ticket> tickets, TicketQuery query) => (query.SortBy, query.Descending) switch
    {
        (TicketSort.Number, false) => tickets.OrderBy(t => t.Number),
        (TicketSort.Number, true) => tickets.OrderByDescending(t => t.Number),
        (TicketSort.Title, false) => tickets.OrderBy(t => t.Title).ThenByDescending(t => t.Id),
        (TicketSort.Title, true) => tickets.OrderByDescending(t => t.Title).ThenByDescending(t => t.Id),
        (TicketSort.Urgency, false) => tickets.OrderBy(t => t.Urgency).ThenByDescending(t => t.UpdatedAt),
        (TicketSort.Urgency, true) => tickets.OrderByDescending(t => t.Urgency).ThenByDescending(t => t.UpdatedAt),
        (TicketSort.Status, false) => tickets.OrderBy(LifecycleRank).ThenByDescending(t => t.UpdatedAt),
        (TicketSort.Status, true) => tickets.OrderByDescending(LifecycleRank).ThenByDescending(t => t.UpdatedAt),
        (TicketSort.CreatedAt, false) => tickets.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        (TicketSort.CreatedAt, true) => tickets.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        (_, false) => tickets.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
        _ => tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id),
    };
}
