using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks;

/// <summary>
/// The approach the ticket center must not take, for comparison: load every ticket with its customer's name,
/// then filter, sort and page in memory. Handles the filters of the baseline benchmark (statuses and search) with the
/// same meaning as <see cref="TicketListQuery"/>, which <see cref="TicketListBenchmarks.GlobalSetup"/> checks.
/// </summary>
public static class NaiveTicketList
{
    public static async Task<PagedResult<TicketRow>> RunAsync(ScrmDbContext db, TicketQuery query, CancellationToken ct = default)
    {
        var all = await db.Tickets.AsNoTracking()
            .Select(t => new { Ticket = t, Customer = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);

        var search = query.Search?.Trim();
        var matches = all
            .Where(r => query.Statuses.Count == 0 || query.Statuses.Contains(r.Ticket.Status))
            .Where(r => string.IsNullOrEmpty(search)
                // SQLite's LIKE ignores ASCII case only; the search terms here are Chinese, where that makes no difference.
                || r.Ticket.Number.StartsWith(search, StringComparison.OrdinalIgnoreCase)
                || r.Ticket.Title.Contains(search, StringComparison.OrdinalIgnoreCase)
                || (r.Customer?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false))
            .OrderByDescending(r => r.Ticket.UpdatedAt).ThenByDescending(r => r.Ticket.Id)
            .ToList();

        var pageSize = Math.Clamp(query.PageSize, 1, TicketQuery.MaxPageSize);
        var page = matches.Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize).ToList();
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var users = await db.UserProfiles.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var templates = await db.TicketTemplates.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return new PagedResult<TicketRow>(
            page.Select(r => new TicketRow(r.Ticket.Id, r.Ticket.Number, r.Ticket.Title, r.Customer, r.Ticket.Urgency, r.Ticket.Status,
                r.Ticket.AssigneeId is { } a ? users.GetValueOrDefault(a) : null,
                r.Ticket.RegionId is { } g ? regions.GetValueOrDefault(g) : null,
                templates.GetValueOrDefault(r.Ticket.TemplateId) ?? "", r.Ticket.CreatedAt, r.Ticket.UpdatedAt)).ToList(),
            matches.Count);
    }
}
