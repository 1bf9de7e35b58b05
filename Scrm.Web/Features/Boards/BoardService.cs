using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Boards;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// 看板: the boards' reads and the WIP-limit command. Moves run the ticket commands (TicketService), so a drop gets
/// every check a button press gets. The desk only (agents, supervisors, admins); limits are an admin's.
/// </summary>
public sealed class BoardService(UnitOfWork work, WorkflowVersionCache workflows, SlaReader sla, TimeProvider time)
{
    /// <summary>The active templates, for the board index.</summary>
    public Task<IReadOnlyList<BoardTemplateRow>> TemplatesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync<IReadOnlyList<BoardTemplateRow>>(async (db, token) =>
        {
            var scope = await RegionScope.ForAsync(db, actor, token);
            var open = scope.Apply(db.Tickets).Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled);
            return await db.TicketTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
                .Select(t => new BoardTemplateRow(t.Id, t.Name, t.Description,
                    db.WorkflowDefinitions.Any(w => w.TemplateId == t.Id && w.IsPublished),
                    open.Count(o => o.TemplateId == t.Id)))
                .ToListAsync(token);
        }, ct);
    }

    /// <summary>The board, or null when the template does not exist.</summary>
    public Task<BoardView?> GetAsync(Actor actor, BoardKey key, BoardFilter filter, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync(async (db, token) =>
        {
            string title = "";
            WorkflowGraph? graph = null;
            if (key.TemplateId is { } templateId)
            {
                var template = await db.TicketTemplates.AsNoTracking().Where(t => t.Id == templateId).Select(t => t.Name).SingleOrDefaultAsync(token);
                if (template is null)
                {
                    return null;
                }

                title = template;
                graph = await CurrentGraphAsync(db, templateId, token);
            }

            var columns = graph is null ? BoardLayout.ForStatuses() : BoardLayout.ForWorkflow(graph);
            var scope = await ScopeAsync(db, actor, key, graph, token);
            var found = await BoardQuery.SlotsAsync(db, scope, filter, token);
            var graphs = await GraphsAsync(db, found.Select(s => s.WorkflowId), new Dictionary<long, WorkflowGraph>(), token);
            var place = Placer(graph, columns, graphs);
            var shared = SharedStrings();
            var slots = found.Select(s => s with
            {
                ColumnKey = place(s.WorkflowId, s.NodeId, s.Status),
                AssigneeId = shared(s.AssigneeId),
                AssigneeName = shared(s.AssigneeName),
                NodeId = shared(s.NodeId),
            }).ToList();
            if (filter.Bands.Count > 0)
            {
                // A band is a clock reading, not a column: this filter needs every ticket's SLA, the others none.
                var states = await sla.GoverningAsync(db, slots.Select(s => s.Id).ToList(), token);
                slots = slots.Where(s => states.TryGetValue(s.Id, out var state) && filter.Bands.Contains(state.Band)).ToList();
            }

            var shown = BoardCells.Shown(BoardCells.Group(slots, filter.Lanes), new Dictionary<string, int>()).Select(s => s.Id).ToList();
            var cards = await CardsOfAsync(db, scope, filter, shown, place, token);
            var limits = key.TemplateId is { } id
                ? await db.BoardColumnLimits.AsNoTracking().Where(l => l.TemplateId == id)
                    .ToDictionaryAsync(l => l.ColumnKey, l => new ColumnLimit(l.Limit, l.Version), token)
                : [];
            return new BoardView(key, title, graph is not null, columns, limits, slots, cards.ToDictionary(c => c.Id), graphs)
            {
                ReadFor = (actor.UserId, scope.Regions),
            };
        }, ct);
    }

    /// <summary>
    /// These tickets' cards as the board would show them now (a live refresh, or more of a column): a ticket missing
    /// from the answer is not on the board. The board's graphs are extended with any version new to it.
    /// </summary>
    public Task<(IReadOnlyList<BoardCard> Cards, IReadOnlyDictionary<long, WorkflowGraph> Graphs)> CardsAsync(Actor actor, BoardView board,
        BoardFilter filter, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync<(IReadOnlyList<BoardCard>, IReadOnlyDictionary<long, WorkflowGraph>)>(async (db, token) =>
        {
            var graph = board.Key.TemplateId is { } templateId && board.HasWorkflow ? await CurrentGraphAsync(db, templateId, token) : null;
            var scope = board.ReadFor is { } readFor && readFor.UserId == actor.UserId
                ? Scope(actor, board.Key, graph, readFor.Regions)
                : await ScopeAsync(db, actor, board.Key, graph, token);
            var found = await BoardQuery.CardsAsync(db, scope, filter, ids, token);
            var graphs = await GraphsAsync(db, found.Select(c => c.WorkflowId), board.Graphs, token);
            var place = Placer(graph, board.Columns, graphs);
            var cards = await WithSlaAsync(db, found.Select(c => c with { ColumnKey = place(c.WorkflowId, c.NodeId, c.Status) }), token);
            return (filter.Bands.Count == 0 ? cards : cards.Where(c => c.Sla is { } s && filter.Bands.Contains(s.Band)).ToList(), graphs);
        }, ct);
    }

    /// <summary>
    /// The SLA of the cards a board shows, read again: clocks run on between ticket changes, so an open board asks once a
    /// minute (one query for all its cards) to move bars and badges along.
    /// </summary>
    public Task<IReadOnlyDictionary<long, SlaState>> SlaAsync(Actor actor, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync((db, token) => sla.GoverningAsync(db, ids, token), ct);
    }

    /// <summary>Sets (or with null clears) a column's WIP limit; refused unless 1–999, and when someone changed it meanwhile.</summary>
    public Task<long> SetLimitAsync(Actor actor, long templateId, string columnKey, int? limit, long expectedVersion, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var graph = await db.TicketTemplates.AnyAsync(t => t.Id == templateId, token)
                ? await CurrentGraphAsync(db, templateId, token)
                : throw new DomainException("TemplateNotFound", "Choose a ticket template.");
            var columns = graph is null ? BoardLayout.ForStatuses() : BoardLayout.ForWorkflow(graph);
            if (!columns.Any(c => c.Key == columnKey && c.AcceptsDrops))
            {
                throw new DomainException("BoardColumnNotFound", "That column is no longer on the board; reload it.");
            }

            var row = await db.BoardColumnLimits.SingleOrDefaultAsync(l => l.TemplateId == templateId && l.ColumnKey == columnKey, token);
            if ((row?.Version ?? 0) != expectedVersion)
            {
                throw new ConcurrencyConflictException();
            }

            if (row is null)
            {
                row = BoardColumnLimit.Create(templateId, columnKey, limit, time);
                db.BoardColumnLimits.Add(row);
            }
            else
            {
                row.Set(limit, time);
            }

            // Two admins adding the column's first limit at once: the unique index lets one in, the other is told.
            await db.SaveChangesOrConflictAsync(token, () => new ConcurrencyConflictException());
            return row.Version;
        }, ct);
    }

    // The latest published version's graph, through the cache: published versions never change.
    private async Task<WorkflowGraph?> CurrentGraphAsync(ScrmDbContext db, long templateId, CancellationToken ct)
    {
        var id = await db.WorkflowDefinitions.Where(w => w.TemplateId == templateId && w.IsPublished)
            .OrderByDescending(w => w.Number).Select(w => (long?)w.Id).FirstOrDefaultAsync(ct);
        return id is { } versionId ? (await workflows.GetAsync(db, versionId, ct))?.Graph : null;
    }

    /// <summary><paramref name="known"/> plus the versions among <paramref name="versionIds"/> it lacks (through the cache).</summary>
    private async Task<Dictionary<long, WorkflowGraph>> GraphsAsync(ScrmDbContext db, IEnumerable<long?> versionIds,
        IReadOnlyDictionary<long, WorkflowGraph> known, CancellationToken ct)
    {
        var graphs = new Dictionary<long, WorkflowGraph>(known);
        foreach (var id in versionIds.OfType<long>().Distinct().Where(id => !graphs.ContainsKey(id)).ToList())
        {
            if (await workflows.GetAsync(db, id, ct) is { } version)
            {
                graphs[id] = version.Graph;
            }
        }

        return graphs;
    }

    private async Task<BoardQuery.Scope> ScopeAsync(ScrmDbContext db, Actor actor, BoardKey key, WorkflowGraph? graph, CancellationToken ct) =>
        Scope(actor, key, graph, await RegionScope.ForAsync(db, actor, ct));

    private BoardQuery.Scope Scope(Actor actor, BoardKey key, WorkflowGraph? graph, RegionScope regions)
    {
        var ends = graph?.Nodes.Where(n => n.Kind == NodeKind.End).Select(n => n.Id).ToList() ?? [];
        return new BoardQuery.Scope(key, actor.UserId, regions, ends, BoardQuery.ClosedSinceAt(time));
    }

    private async Task<List<BoardCard>> CardsOfAsync(ScrmDbContext db, BoardQuery.Scope scope, BoardFilter filter, List<long> ids,
        Func<long?, string?, TicketStatus, string> place, CancellationToken ct) =>
        ids.Count == 0 ? [] : await WithSlaAsync(db, (await BoardQuery.CardsAsync(db, scope, filter, ids, ct))
            .Select(c => c with { ColumnKey = place(c.WorkflowId, c.NodeId, c.Status) }), ct);

    private async Task<List<BoardCard>> WithSlaAsync(ScrmDbContext db, IEnumerable<BoardCard> found, CancellationToken ct)
    {
        var cards = found.ToList();
        var states = await sla.GoverningAsync(db, cards.Select(c => c.Id).ToList(), ct);
        return cards.Select(c => c with { Sla = states.GetValueOrDefault(c.Id) }).ToList();
    }

    /// <summary>
    /// One string per distinct text: a board holds a slot per ticket, and a thousand slots name the same few assignees and
    /// nodes (each row read brings its own copy). Part of what an open board costs its circuit.
    /// </summary>
    private static Func<string?, string?> SharedStrings()
    {
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        return text => text is null ? null : pool.TryGetValue(text, out var shared) ? shared : pool[text] = text;
    }

    /// <summary>
    /// Where a ticket goes (from its version, node and status): a template's workflow board by node, the others by status.
    /// The ticket's own version names the kind of node it rests at; the board's columns are the current version's.
    /// </summary>
    private static Func<long?, string?, TicketStatus, string> Placer(WorkflowGraph? graph, IReadOnlyList<BoardColumnDef> columns,
        Dictionary<long, WorkflowGraph> graphs)
    {
        if (graph is null)
        {
            return (_, _, status) => BoardLayout.ColumnOf(status);
        }

        var nodeColumns = columns.Where(c => c.Kind == BoardColumnKind.Node).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        return (workflowId, nodeId, status) =>
            BoardLayout.ColumnOf(workflowId is { } w && graphs.TryGetValue(w, out var own) ? own : graph, nodeColumns, nodeId, status);
    }
}
