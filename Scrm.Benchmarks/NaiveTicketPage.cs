using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Benchmarks;

/// <summary>
/// The ticket page's read as it was before the caches, for comparison: one query per thing shown (customer, assignee and
/// creator names, region), the template and the workflow version read on every open, the workflow facts and a
/// customer's ownership asked separately. About ten statements for the desk. Returns the same view as TicketService.GetAsync,
/// which <see cref="TicketPageBenchmarks.GlobalSetup"/> checks.
/// </summary>
public static class NaiveTicketPage
{
    public static async Task<TicketView?> LoadAsync(ScrmDbContext db, Actor user, long id, TimeProvider time, CancellationToken ct = default)
    {
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Fields).Include(t => t.Visits).AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null)
        {
            return null;
        }

        var access = await TicketAccessRules.ForAsync(db, user, ticket, ct);
        if (access == TicketAccess.None)
        {
            throw new ForbiddenException();
        }

        // The template as WithForm read it then: fields and rules joined in one statement.
        var template = await db.TicketTemplates.AsNoTracking().Include(t => t.Fields).Include(t => t.Rules).SingleAsync(t => t.Id == ticket.TemplateId, ct);
        var workflow = await WorkflowViewAsync(db, ticket, template, user, access, time, ct);
        var customer = ticket.CustomerId is null ? null : await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == ticket.CustomerId, ct);
        var names = await db.UserProfiles.AsNoTracking()
            .Where(u => u.Id == ticket.AssigneeId || u.Id == ticket.CreatedById)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var region = ticket.RegionId is null ? null : await db.Regions.AsNoTracking().Where(r => r.Id == ticket.RegionId).Select(r => r.Name).SingleOrDefaultAsync(ct);

        return new TicketView(ticket.Id, ticket.Number, ticket.Title, ticket.Description, ticket.Urgency, ticket.Status,
            template.Id, template.Name, customer?.Id, customer?.Name, customer?.Phone, ticket.RegionId, region,
            ticket.AssigneeId, ticket.AssigneeId is null ? null : names.GetValueOrDefault(ticket.AssigneeId),
            names.GetValueOrDefault(ticket.CreatedById) ?? ticket.CreatedById,
            ticket.CreatedAt, ticket.UpdatedAt, ticket.Version, ticket.FieldValueMap, template,
            CanEdit: access == TicketAccess.Desk && TicketStatusRules.IsOpen(ticket.Status), workflow,
            access, TicketAccessRules.NextStatuses(access, ticket));
    }

    private static async Task<TicketWorkflowView?> WorkflowViewAsync(ScrmDbContext db, Ticket ticket, TicketTemplate template, Actor user,
        TicketAccess access, TimeProvider time, CancellationToken ct)
    {
        if (ticket.WorkflowId is not { } workflowId || await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == workflowId, ct) is not { } workflow)
        {
            return null;
        }

        var buttons = access < TicketAccess.Work ? [] : ticket.AvailableTransitions(workflow.Graph, template, await FactsAsync(db, ticket, ct), user.ForWorkflow!, time)
            .Select(b => new WorkflowButton(b.Transition.Id, b.Transition.Label, b.Refusal)).ToList();
        var path = ticket.Visits.OrderBy(v => v.EnteredAt).ThenBy(v => v.Id)
            .Select(v => new VisitRow(v.NodeName, v.Kind, v.EnteredAt, v.ExitedAt, v.ExitedByName, v.ExitedVia)).ToList();
        return new TicketWorkflowView(workflow.Graph.FindNode(ticket.CurrentNodeId)?.Name, buttons, path, workflow.Number);
    }

    private static async Task<TicketFacts> FactsAsync(ScrmDbContext db, Ticket ticket, CancellationToken ct)
    {
        var region = ticket.RegionId is { } regionId
            ? await db.Regions.Where(r => r.Id == regionId).Select(r => new
            {
                Tier = db.CityTierChanges.Where(c => c.RegionId == r.Id).OrderByDescending(c => c.EffectiveFrom).Select(c => c.TierCode).FirstOrDefault(),
                r.ParentId,
            }).SingleOrDefaultAsync(ct)
            : null;
        var level = ticket.CustomerId is { } customerId
            ? await db.Customers.Where(c => c.Id == customerId).Select(c => (Domain.Customers.CustomerLevel?)c.Level).SingleOrDefaultAsync(ct)
            : null;
        return new TicketFacts(region?.Tier, level, region?.ParentId);
    }
}
