using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Assignment;

namespace Scrm.Web.Features.Tickets;

/// <summary>A ticket's audit trail for its history tab, newest first, with names where changes were recorded as ids.</summary>
internal static class TicketHistoryQuery
{
    public static async Task<IReadOnlyList<HistoryRow>> RunAsync(ScrmDbContext db, long ticketId, CancellationToken ct)
    {
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.TicketId == ticketId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new HistoryRow(a.At, a.ActorId == Domain.Common.Actor.SystemId ? null : a.ActorName, a.Action, a.Field, a.Before, a.After)).ToListAsync(ct);
        return await NameReferencesAsync(db, ticketId, rows, ct);
    }

    private static async Task<IReadOnlyList<HistoryRow>> NameReferencesAsync(ScrmDbContext db, long ticketId, List<HistoryRow> rows, CancellationToken ct)
    {
        IEnumerable<string> Ids(string field) => rows.Where(r => r.Field == field).SelectMany(r => new[] { r.Before, r.After }).OfType<string>().Distinct();
        // A rule's automatic assignment keeps the rule's name before and the assignee after.
        var userIds = Ids(nameof(Ticket.AssigneeId)).Concat(rows.Where(r => r.Field == AssignedByRuleHistory.Field).Select(r => r.After).OfType<string>()).ToList();
        var customerIds = Ids(nameof(Ticket.CustomerId)).Select(long.Parse).ToList();
        var regionIds = Ids(nameof(Ticket.RegionId)).Select(long.Parse).ToList();
        var names = new Dictionary<(string, string), string>();
        foreach (var u in await db.UserProfiles.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
        {
            names[(nameof(Ticket.AssigneeId), u.Id)] = u.DisplayName;
        }

        foreach (var c in await db.Customers.Where(c => customerIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
        {
            names[(nameof(Ticket.CustomerId), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = c.Name;
        }

        foreach (var r in await db.Regions.Where(r => regionIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToListAsync(ct))
        {
            names[(nameof(Ticket.RegionId), r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = r.Name;
        }

        // Workflow moves are recorded as node ids and version ids; show the names the admin gave them.
        var versionIds = Ids(nameof(Ticket.WorkflowId)).Select(long.Parse).ToList();
        versionIds.AddRange(await db.Tickets.Where(t => t.Id == ticketId && t.WorkflowId != null).Select(t => t.WorkflowId!.Value).ToListAsync(ct));
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(w => versionIds.Contains(w.Id)).ToListAsync(ct);
        foreach (var version in versions)
        {
            names[(nameof(Ticket.WorkflowId), version.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))] = $"{version.Name} v{version.Version}";
            foreach (var node in version.Graph.Nodes)
            {
                names.TryAdd((nameof(Ticket.CurrentNodeId), node.Id), node.Name);
            }
        }

        string? Name(string? field, string? value) => field is null || value is null ? value : names.GetValueOrDefault((field, value), value);
        return rows.Select(r => r.Field == AssignedByRuleHistory.Field
            ? r with { After = Name(nameof(Ticket.AssigneeId), r.After) }
            : r with { Before = Name(r.Field, r.Before), After = Name(r.Field, r.After) }).ToList();
    }
}
