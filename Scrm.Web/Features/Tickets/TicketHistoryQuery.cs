using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Auditing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Assignment;

namespace Scrm.Web.Features.Tickets;

/// <summary>A ticket's audit trail for its history tab, newest first, with names where changes were recorded as ids.</summary>
internal static class TicketHistoryQuery
{
    public static async Task<IReadOnlyList<HistoryRow>> RunAsync(ScrmDbContext db, long ticketId, CancellationToken ct)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.TicketId == ticketId).OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.EntityType, a.EntityId, Row = new HistoryRow(a.At, a.ActorId == Domain.Common.Actor.SystemId ? null : a.ActorName, a.Action, a.Field, a.Before, a.After) })
            .ToListAsync(ct);
        var pauseEntries = entries.Where(e => e.EntityType == nameof(TicketSlaPause)).Select(e => new PauseEntry(e.Id, e.EntityId, e.Row)).ToList();
        var pauses = pauseEntries.Count == 0 ? new Dictionary<long, HistoryRow?>() : await SlaPauseRowsAsync(db, ticketId, pauseEntries, ct);
        var rows = entries.Select(e => e.EntityType == nameof(TicketSlaPause) ? pauses.GetValueOrDefault(e.Id) : e.Row).OfType<HistoryRow>().ToList();
        return await NameReferencesAsync(db, ticketId, rows, ct);
    }

    private sealed record PauseEntry(long AuditId, string? EntityId, HistoryRow Row);

    /// <summary>
    /// A pause's audit rows as one line each: created → <see cref="HistoryRow.SlaPaused"/> with its reason (a pause made
    /// already ended, on reopening, → <see cref="HistoryRow.SlaReopened"/> with its minutes), its minutes set →
    /// <see cref="HistoryRow.SlaResumed"/>; the end time alone says nothing more. Pauses are only ever added, so the n-th
    /// created row is the n-th pause (a created row does not know its key yet).
    /// </summary>
    private static async Task<Dictionary<long, HistoryRow?>> SlaPauseRowsAsync(ScrmDbContext db, long ticketId, List<PauseEntry> entries, CancellationToken ct)
    {
        var pauses = await db.TicketSlaPauses.AsNoTracking().Where(p => EF.Property<long>(p, "TicketId") == ticketId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.Reason, p.PausedMinutes }).ToListAsync(ct);
        var byId = pauses.ToDictionary(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = new Dictionary<long, HistoryRow?>();
        var created = entries.Where(e => e.Row.Action == AuditAction.Created).OrderBy(e => e.AuditId).ToList();
        for (var i = 0; i < created.Count; i++)
        {
            var pause = i < pauses.Count ? pauses[i] : null;
            var row = created[i].Row;
            result[created[i].AuditId] = pause?.Reason == TicketSlaPause.ReopenedReason
                ? row with { Field = HistoryRow.SlaReopened, Before = null, After = Minutes(pause.PausedMinutes) }
                : row with { Field = HistoryRow.SlaPaused, Before = null, After = pause?.Reason };
        }

        foreach (var entry in entries.Where(e => e.Row is { Action: AuditAction.Updated, Field: nameof(TicketSlaPause.PausedMinutes) }))
        {
            var reason = entry.EntityId is { } id && byId.TryGetValue(id, out var pause) ? pause.Reason : null;
            result[entry.AuditId] = entry.Row with { Field = HistoryRow.SlaResumed, Before = reason };
        }

        return result;
    }

    private static string? Minutes(int? minutes) => minutes?.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
