using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Workflows;

namespace Scrm.Web.Features.Sla;

/// <summary>The facts of one ticket that its SLA clocks and the escalation job read.</summary>
public sealed record SlaTicket(
    long Id, long TemplateId, Urgency Urgency, long? RegionId, long Version, long? WorkflowId, string? CurrentNodeId,
    DateTime CreatedAt, DateTime? FirstRespondedAt, DateTime? SlaStoppedAt, DateTime? SlaBreachedAt, DateTime? NodeEnteredAt,
    IReadOnlyList<SlaPause> Pauses);

/// <summary>
/// Reads where tickets' SLA targets stand, many at once: one query for their facts, the cached rules and workflow
/// versions, then pure arithmetic (<see cref="SlaEvaluator"/>). Boards, the ticket center, the ticket page and the
/// escalation job all read SLA through here, so they always agree.
/// </summary>
public sealed class SlaReader(SlaRulesCache rules, WorkflowVersionCache workflows, TimeProvider time)
{
    /// <summary>The target with the least time left of each ticket that has one running; tickets without are absent.</summary>
    public async Task<IReadOnlyDictionary<long, SlaState>> GoverningAsync(ScrmDbContext db, IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var result = new Dictionary<long, SlaState>();
        if (ticketIds.Count == 0)
        {
            return result;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var sla = await rules.GetAsync(db, ct);
        // One array parameter (json_each / OPENJSON), not a parameter per id: a big board or the escalation job asks for thousands.
        var ids = ticketIds.ToArray();
        foreach (var ticket in await LoadAsync(db, db.Tickets.Where(t => EF.Parameter(ids).Contains(t.Id)), ct))
        {
            if (SlaEvaluator.Governing(await RunningAsync(db, sla, ticket, now, ct)) is { } state)
            {
                result[ticket.Id] = state;
            }
        }

        return result;
    }

    /// <summary>Every running target of one ticket (first response, resolution, node), for the ticket page.</summary>
    public async Task<IReadOnlyList<SlaState>> RunningAsync(ScrmDbContext db, long ticketId, CancellationToken ct)
    {
        var ticket = (await LoadAsync(db, db.Tickets.Where(t => t.Id == ticketId), ct)).SingleOrDefault();
        return ticket is null ? [] : await RunningAsync(db, await rules.GetAsync(db, ct), ticket, time.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>The running targets of a loaded ticket under the given rules, at <paramref name="nowUtc"/>.</summary>
    public async Task<IReadOnlyList<SlaState>> RunningAsync(ScrmDbContext db, SlaRules sla, SlaTicket ticket, DateTime nowUtc, CancellationToken ct)
    {
        var policy = sla.PolicyFor(ticket.TemplateId, ticket.Urgency);
        var nodeMinutes = ticket.WorkflowId is { } workflowId && await workflows.GetAsync(db, workflowId, ct) is { } workflow
            ? workflow.Graph.FindNode(ticket.CurrentNodeId)?.SlaMinutes
            : null;
        var facts = new SlaFacts(ticket.CreatedAt, ticket.FirstRespondedAt, ticket.SlaStoppedAt, ticket.Pauses,
            ticket.NodeEnteredAt, nodeMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null);
        return SlaEvaluator.Running(sla.Calendar, facts, policy?.FirstResponse, policy?.Resolution, nowUtc);
    }

    /// <summary>The SLA facts of the given tickets, in one query.</summary>
    public static async Task<List<SlaTicket>> LoadAsync(ScrmDbContext db, IQueryable<Ticket> tickets, CancellationToken ct)
    {
        var rows = await tickets.AsNoTracking()
            .Select(t => new
            {
                t.Id, t.TemplateId, t.Urgency, t.RegionId, t.Version, t.WorkflowId, t.CurrentNodeId,
                t.CreatedAt, t.SlaStoppedAt, t.SlaBreachedAt,
                // A comment is a response too; read here rather than written on the ticket, so commenting never
                // conflicts with someone editing the ticket.
                t.FirstRespondedAt,
                FirstCommentAt = db.TicketComments.Where(c => c.TicketId == t.Id).Min(c => (DateTime?)c.CreatedAt),
                NodeEnteredAt = t.Visits.Where(v => v.ExitedAt == null).Max(v => (DateTime?)v.EnteredAt),
                Pauses = t.SlaPauses.Select(p => new { p.StartedAt, p.EndedAt }).ToList(),
            })
            .ToListAsync(ct);
        return rows.Select(r => new SlaTicket(r.Id, r.TemplateId, r.Urgency, r.RegionId, r.Version, r.WorkflowId, r.CurrentNodeId,
                r.CreatedAt, Earliest(r.FirstRespondedAt, r.FirstCommentAt), r.SlaStoppedAt, r.SlaBreachedAt, r.NodeEnteredAt,
                r.Pauses.Select(p => new SlaPause(p.StartedAt, p.EndedAt)).ToList()))
            .ToList();
    }

    private static DateTime? Earliest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;
}
