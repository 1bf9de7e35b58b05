using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Assignment;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows;

namespace Scrm.Web.Features.Assignment;

/// <summary>
/// Applies the assignment rules in the transaction that creates a ticket or moves it into a node whose actor rule asks
/// for it, so every door (page, board, endpoint, job, import) gets them. Nobody eligible leaves the ticket as it is and
/// asks for the region's supervisors to be told.
/// </summary>
public sealed class AutoAssignHandler(WorkflowVersionCache workflows, TimeProvider time) : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is TicketCreated or TicketNodeEntered;

    public async Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        switch (domainEvent)
        {
            case TicketCreated { Ticket: { AssigneeId: null } ticket } when TicketStatusRules.IsOpen(ticket.Status):
                await AssignAsync(db, ticket, null, ct);
                break;
            case TicketNodeEntered entered when await AsksForAssignmentAsync(db, entered, ct):
                await AssignAsync(db, entered.Ticket, entered.NodeId, ct);
                break;
        }
    }

    /// <summary>The ticket still rests at the node it entered (it did not run on through it) and the node's actor rule asks.</summary>
    private async Task<bool> AsksForAssignmentAsync(ScrmDbContext db, TicketNodeEntered entered, CancellationToken ct)
    {
        var ticket = entered.Ticket;
        if (ticket.CurrentNodeId != entered.NodeId || ticket.WorkflowId is not { } workflowId)
        {
            return false;
        }

        var workflow = await workflows.GetAsync(db, workflowId, ct);
        return workflow?.Graph.FindNode(entered.NodeId) is { Actor.AutoAssign: true } node && node.Kind.IsHuman();
    }

    private async Task AssignAsync(ScrmDbContext db, Ticket ticket, string? nodeId, CancellationToken ct)
    {
        var rules = db.AssignmentRules.Where(r => r.TemplateId == ticket.TemplateId && r.NodeId == nodeId);
        if (!await rules.AnyAsync(ct))
        {
            return;
        }

        await LockAsync(db, rules, ticket.TemplateId, nodeId, ct);
        var loaded = await rules.ToListAsync(ct);
        var region = ticket.RegionId is { } regionId
            ? await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new { r.Id, r.ParentId }).SingleOrDefaultAsync(ct)
            : null;
        var choice = AssignmentPlanner.Plan(loaded, new AssignmentTicket(region?.Id, region?.ParentId), await AssignmentCandidates.ReadAsync(db, ct));
        if (choice is null)
        {
            ticket.ReportNobodyEligible(nodeId);
            return;
        }

        choice.Rule.RecordPick(choice.Person.UserId);
        ticket.AssignByRule(choice.Person.UserId, choice.Rule.Name, time);
    }

    /// <summary>
    /// Two tickets created or moved at once must not both read the same load or round-robin turn. A write to the rules'
    /// rows takes their lock for the rest of the save's transaction (the save pipeline runs its handlers in one), so the
    /// second waits and then reads what the first committed. The write changes nothing, so an admin editing a rule is not
    /// disturbed. Rules this save already holds (an import creating many tickets) are locked already and hold their new turn.
    /// </summary>
    private static async Task LockAsync(ScrmDbContext db, IQueryable<AssignmentRule> rules, long templateId, string? nodeId, CancellationToken ct)
    {
        if (!db.AssignmentRules.Local.Any(r => r.TemplateId == templateId && r.NodeId == nodeId))
        {
            await rules.ExecuteUpdateAsync(s => s.SetProperty(r => r.SortOrder, r => r.SortOrder), ct);
        }
    }
}
