using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// Reads the tickets of an export page by page: the ticket center's own query (<see cref="TicketListQuery.Matching"/>,
/// so the same region scope and filter), untracked, in id order from where the last page ended (keyset, never OFFSET),
/// up to the last id that matched when the run started. Only one page is in memory at a time.
/// </summary>
public sealed class ExportTicketReader(ScrmDbContext db, TicketQuery query, RegionScope scope, IReadOnlyCollection<string> customerLinkKeys)
{
    public const int PageSize = 1_000;

    private readonly Dictionary<long, WorkflowGraph?> _graphs = [];
    private Dictionary<long, string>? _templateNames;

    /// <summary>How many tickets match now, and the highest id among them (the end of the run).</summary>
    public async Task<(int Count, long LastId)> MeasureAsync(CancellationToken ct)
    {
        var matching = TicketListQuery.Matching(db, query, scope);
        return (await matching.CountAsync(ct), await matching.MaxAsync(t => (long?)t.Id, ct) ?? 0);
    }

    /// <summary>The next page after <paramref name="afterId"/> (up to <paramref name="lastId"/>) with the last id read; empty at the end.</summary>
    public async Task<(IReadOnlyList<ExportTicket> Page, long LastIdRead)> NextPageAsync(long afterId, long lastId, CancellationToken ct)
    {
        _templateNames ??= await db.TicketTemplates.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var rows = await TicketListQuery.Matching(db, query, scope)
            .Where(t => t.Id > afterId && t.Id <= lastId)
            .OrderBy(t => t.Id)
            .Take(PageSize)
            .Select(t => new
            {
                t.Id, t.Number, t.Title, t.Description, t.Status, t.Urgency, t.TemplateId, t.WorkflowId, t.CurrentNodeId, t.CreatedAt, t.UpdatedAt,
                Customer = db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                Assignee = db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                CreatedBy = db.UserProfiles.Where(u => u.Id == t.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                Region = db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.Name).FirstOrDefault(),
                Fields = t.Fields.Select(f => new { f.FieldKey, f.Value }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return ([], lastId);
        }

        await LoadGraphsAsync(rows.Select(r => r.WorkflowId), ct);
        var fields = rows.Select(r => r.Fields.ToDictionary(f => f.FieldKey, f => f.Value, StringComparer.Ordinal)).ToList();
        var linked = await LinkedCustomersAsync(fields, ct);
        var page = rows.Select((r, i) => new ExportTicket(r.Number, r.Title, _templateNames.GetValueOrDefault(r.TemplateId, ""), r.Status,
            StepOf(r.WorkflowId, r.CurrentNodeId), r.Urgency, r.Customer, r.Region, r.Assignee, r.CreatedBy, r.CreatedAt, r.UpdatedAt, r.Description,
            fields[i]) { LinkedCustomers = linked }).ToList();
        return (page, rows[^1].Id);
    }

    /// <summary>The names of the customers 关联客户 fields point at: whoever may read a ticket reads them (as on its page).</summary>
    private async Task<IReadOnlyDictionary<long, string>> LinkedCustomersAsync(List<Dictionary<string, string>> fields, CancellationToken ct)
    {
        var ids = fields.SelectMany(f => customerLinkKeys.Select(k => f.GetValueOrDefault(k)))
            .Select(v => long.TryParse(v, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<long, string>()
            : await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private async Task LoadGraphsAsync(IEnumerable<long?> workflowIds, CancellationToken ct)
    {
        var missing = workflowIds.OfType<long>().Distinct().Where(id => !_graphs.ContainsKey(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var graphs = await db.WorkflowDefinitions.AsNoTracking().Where(w => missing.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Graph, ct);
        foreach (var id in missing)
        {
            _graphs[id] = graphs.GetValueOrDefault(id);
        }
    }

    private string? StepOf(long? workflowId, string? nodeId) =>
        workflowId is { } id && _graphs.TryGetValue(id, out var graph) ? graph?.FindNode(nodeId)?.Name : null;

    /// <summary>The keys of the templates' 关联客户 fields, whose values are customer ids.</summary>
    public static IReadOnlyCollection<string> CustomerLinkKeysOf(IEnumerable<TicketTemplate> templates) =>
        templates.SelectMany(t => t.Fields).Where(f => f.Type == FieldType.CustomerLink).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
}
