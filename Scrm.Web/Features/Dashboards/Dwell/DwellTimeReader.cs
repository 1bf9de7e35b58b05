using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>
/// Dwell time per node from the stored node visits. A visit counts in the period it ENDED in (China days), so a period's
/// numbers are final once it is over; visits still open are counted apart, as of now. Only the enter/exit times of the
/// one version's visits in the period are read (index NodeId + ExitedAt), never whole tickets; percentiles are exact
/// (nearest rank) over those durations. A supervisor counts only the tickets of their regions.
/// </summary>
public sealed class DwellTimeReader(UnitOfWork work, WorkflowVersionCache workflows) : IDwellTimeReader
{
    /// <summary>The most slowest visits one call returns.</summary>
    public const int MaxTake = 100;

    public Task<IReadOnlyList<DwellVersionOption>> VersionsAsync(Actor actor, CancellationToken ct = default)
    {
        Require(actor);
        return work.ReadAsync<IReadOnlyList<DwellVersionOption>>(async (db, token) => await (
            from w in db.WorkflowDefinitions.AsNoTracking()
            where w.IsPublished
            join t in db.TicketTemplates on w.TemplateId equals t.Id
            orderby t.Name, t.Id, w.Number descending
            select new DwellVersionOption(w.Id, t.Id, t.Name, w.Number, w.PublishedAt)).ToListAsync(token), ct);
    }

    public Task<DwellView?> ReadAsync(Actor actor, long versionId, DashboardPeriod period, CancellationToken ct = default)
    {
        Require(actor);
        return work.ReadAsync(async (db, token) =>
        {
            if (await VersionAsync(db, versionId, token) is not { } found)
            {
                return null;
            }

            var graph = found.Workflow.Graph;
            var visits = await VisitsAsync(db, actor, versionId, graph.Nodes.Select(n => n.Id).ToList(), token);
            var durations = graph.Nodes.ToDictionary(n => n.Id, _ => new List<double>(), StringComparer.Ordinal);
            var (start, end) = (period.UtcStart, period.UtcEnd);
            var ended = visits.Where(v => v.ExitedAt >= start && v.ExitedAt < end)
                .Select(v => new { v.NodeId, v.EnteredAt, ExitedAt = v.ExitedAt!.Value });
            await foreach (var v in ended.AsAsyncEnumerable().WithCancellation(token))
            {
                durations[v.NodeId].Add((v.ExitedAt - v.EnteredAt).TotalMinutes);
            }

            var open = await visits.Where(v => v.ExitedAt == null).GroupBy(v => v.NodeId)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, StringComparer.Ordinal, token);
            var rows = graph.Nodes.Select(n =>
            {
                var sorted = durations[n.Id];
                sorted.Sort();
                return new DwellNodeRow(n.Id, n.Name, n.Kind, sorted.Count,
                    Percentile.NearestRank(sorted, 50), Percentile.NearestRank(sorted, 90), open.GetValueOrDefault(n.Id));
            }).ToList();
            return new DwellView(found.Option, graph, period, rows);
        }, ct);
    }

    public Task<IReadOnlyList<SlowVisitRow>> SlowestAsync(Actor actor, long versionId, string nodeId, DashboardPeriod period, int take, CancellationToken ct = default)
    {
        Require(actor);
        take = Math.Clamp(take, 1, MaxTake);
        return work.ReadAsync<IReadOnlyList<SlowVisitRow>>(async (db, token) =>
        {
            if (await VersionAsync(db, versionId, token) is not { } found || found.Workflow.Graph.FindNode(nodeId) is null)
            {
                return [];
            }

            var (start, end) = (period.UtcStart, period.UtcEnd);
            var visits = (await VisitsAsync(db, actor, versionId, [nodeId], token))
                .Where(v => v.ExitedAt >= start && v.ExitedAt < end)
                .Select(v => new { TicketId = EF.Property<long>(v, "TicketId"), v.EnteredAt, ExitedAt = v.ExitedAt!.Value });

            // Durations cannot be sorted in SQL on both providers: keep the slowest few while streaming the pairs.
            var slowest = new PriorityQueue<(long TicketId, DateTime EnteredAt, DateTime ExitedAt), double>();
            await foreach (var v in visits.AsAsyncEnumerable().WithCancellation(token))
            {
                var minutes = (v.ExitedAt - v.EnteredAt).TotalMinutes;
                if (slowest.Count < take)
                {
                    slowest.Enqueue((v.TicketId, v.EnteredAt, v.ExitedAt), minutes);
                }
                else if (slowest.TryPeek(out _, out var fastest) && minutes > fastest)
                {
                    slowest.EnqueueDequeue((v.TicketId, v.EnteredAt, v.ExitedAt), minutes);
                }
            }

            var picked = slowest.UnorderedItems.Select(i => i.Element).ToList();
            var ids = picked.Select(p => p.TicketId).Distinct().ToList();
            var tickets = await db.Tickets.AsNoTracking().Where(t => ids.Contains(t.Id))
                .Select(t => new { t.Id, t.Number, t.Title, Assignee = db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToDictionaryAsync(t => t.Id, token);
            return picked
                .Select(p => (Visit: p, Ticket: tickets[p.TicketId]))
                .Select(x => new SlowVisitRow(x.Visit.TicketId, x.Ticket.Number, x.Ticket.Title, x.Ticket.Assignee,
                    x.Visit.EnteredAt, x.Visit.ExitedAt, (x.Visit.ExitedAt - x.Visit.EnteredAt).TotalMinutes))
                .OrderByDescending(r => r.Minutes).ThenBy(r => r.TicketId)
                .ToList();
        }, ct);
    }

    private static void Require(Actor actor)
    {
        if (!DashboardAccess.MaySeeOperations(actor))
        {
            throw new ForbiddenException();
        }
    }

    private async Task<(Domain.Workflows.WorkflowDefinition Workflow, DwellVersionOption Option)?> VersionAsync(ScrmDbContext db, long id, CancellationToken ct)
    {
        if (await workflows.GetAsync(db, id, ct) is not { IsPublished: true } workflow)
        {
            return null;
        }

        var template = await db.TicketTemplates.AsNoTracking().Where(t => t.Id == workflow.TemplateId).Select(t => t.Name).SingleAsync(ct);
        return (workflow, new DwellVersionOption(workflow.Id, workflow.TemplateId, template, workflow.Number, workflow.PublishedAt));
    }

    // The version's visits at these nodes, of tickets in the actor's regions. The node ids lead, so the NodeId + ExitedAt
    // index narrows to the period's visits before any ticket is looked at (by its key, for the version and region).
    private static async Task<IQueryable<NodeVisit>> VisitsAsync(ScrmDbContext db, Actor actor, long versionId, List<string> nodeIds, CancellationToken ct)
    {
        var tickets = (await RegionScope.ForAsync(db, actor, ct)).Apply(db.Tickets);
        return from v in db.Set<NodeVisit>().AsNoTracking()
               where nodeIds.Contains(v.NodeId)
               join t in tickets on EF.Property<long>(v, "TicketId") equals t.Id
               where t.WorkflowId == versionId
               select v;
    }
}
