using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Workflows;

/// <summary>What the migration page needs: the old version's nodes with tickets waiting, and the new version's targets.</summary>
public sealed record MigrationSetup(WorkflowDesign From, IReadOnlyList<WorkflowVersionRow> Targets, IReadOnlyDictionary<string, int> TicketsPerNode);

/// <summary>Moves in-flight tickets from one published version to another with an explicit node mapping.</summary>
public sealed class WorkflowMigrationService(UnitOfWork work, WorkflowService workflows, TimeProvider time)
{
    public async Task<MigrationSetup?> SetupAsync(Actor actor, long fromId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        if (await workflows.GetVersionAsync(actor, fromId, ct) is not { } from)
        {
            return null;
        }

        var perNode = await work.ReadAsync((db, token) => OpenTickets(db, fromId).GroupBy(t => t.CurrentNodeId!)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, token), ct);
        var targets = (await workflows.VersionsAsync(actor, from.DefinitionId, ct)).Where(v => v.IsPublished && v.Id != fromId).ToList();
        return new MigrationSetup(from, targets, perNode);
    }

    /// <summary>The dry run: nothing changes.</summary>
    public async Task<MigrationPlan> PlanAsync(Actor actor, long fromId, long toId, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync(async (db, token) =>
        {
            var (migration, _) = await LoadAsync(db, fromId, toId, mapping, token);
            return migration.Plan(await OpenTickets(db, fromId).Select(t => t.CurrentNodeId!).ToListAsync(token));
        }, ct);
    }

    /// <summary>Moves every open ticket as the dry run showed, in one save; returns how many moved.</summary>
    public async Task<int> ApplyAsync(Actor actor, long fromId, long toId, IReadOnlyDictionary<string, string> mapping, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var (migration, to) = await LoadAsync(db, fromId, toId, mapping, token);
            var tickets = await OpenTickets(db, fromId).Include(t => t.Visits).ToListAsync(token);
            var plan = migration.Plan(tickets.Select(t => t.CurrentNodeId!));
            if (!plan.CanApply)
            {
                throw new WorkflowValidationException(plan.Problems);
            }

            foreach (var ticket in tickets)
            {
                ticket.MigrateWorkflow(to.Id, to.Graph, migration.TargetFor(ticket.CurrentNodeId!)!, time);
            }

            try
            {
                await db.SaveChangesAsync(token);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new DomainException("MigrationRaced", "Some tickets changed while migrating; nothing was moved. Run the dry run again.");
            }

            return tickets.Count;
        }, ct);
    }

    private static IQueryable<Ticket> OpenTickets(ScrmDbContext db, long workflowId) =>
        db.Tickets.Where(t => t.WorkflowId == workflowId && t.CurrentNodeId != null
            && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled);

    private static async Task<(WorkflowMigration Migration, WorkflowDefinition To)> LoadAsync(ScrmDbContext db, long fromId, long toId,
        IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(w => w.Id == fromId || w.Id == toId).ToListAsync(ct);
        var from = versions.SingleOrDefault(w => w.Id == fromId);
        var to = versions.SingleOrDefault(w => w.Id == toId);
        if (from is null || to is null || from.DefinitionId != to.DefinitionId || !to.IsPublished)
        {
            throw new DomainException("MigrationTargetVersion", "Choose a published version of the same workflow to move tickets to.");
        }

        return (new WorkflowMigration(from.Graph, to.Graph, mapping), to);
    }
}
