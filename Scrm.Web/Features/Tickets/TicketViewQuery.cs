using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

/// <summary>
/// The ticket page's read. One split query loads the ticket with the names it shows, the facts workflow conditions read
/// and whether a customer user owns it or a desk user's regions cover it (three statements: ticket, field values,
/// visits); the template and the workflow version come from caches. Four more statements on the first open of a
/// template's ticket fill the caches.
/// </summary>
internal sealed class TicketViewQuery(TemplateCache templates, WorkflowVersionCache workflows, TimeProvider time)
{
    public async Task<TicketView?> RunAsync(ScrmDbContext db, Actor user, long id, CancellationToken ct)
    {
        var row = await LoadAsync(db, user, id, ct);
        if (row is null)
        {
            return null;
        }

        var ticket = row.Ticket;
        var access = TicketAccessRules.For(user, ticket, row.CustomerOwnsTicket, row.InRegionScope);
        if (access == TicketAccess.None)
        {
            throw new ForbiddenException();
        }

        var template = await templates.GetAsync(db, ticket.TemplateId, ct)
            ?? throw new DomainException("TemplateNotFound", "Choose a ticket template.") { Field = "TemplateId" };
        var workflow = await Workflows.VersionOfAsync(workflows, db, ticket, ct);
        var facts = new TicketFacts(row.RegionTier, row.CustomerLevel, row.RegionParentId);

        return new TicketView(ticket.Id, ticket.Number, ticket.Title, ticket.Description, ticket.Urgency, ticket.Status,
            template.Id, template.Name, row.CustomerName is null ? null : ticket.CustomerId, row.CustomerName, row.CustomerPhone,
            ticket.RegionId, row.RegionName, ticket.AssigneeId, ticket.AssigneeId is null ? null : row.AssigneeName,
            row.CreatorName ?? ticket.CreatedById, ticket.CreatedAt, ticket.UpdatedAt, ticket.Version, ticket.FieldValueMap, template,
            CanEdit: access == TicketAccess.Desk && TicketStatusRules.IsOpen(ticket.Status),
            workflow is null ? null : WorkflowView(ticket, workflow, template, facts, user, access),
            access, TicketAccessRules.NextStatuses(access, ticket))
        {
            AwaitingSettlement = ticket.AwaitingSettlement,
            SlaBreachedAt = ticket.SlaBreachedAt,
            Rating = ticket is { Rating: { } score, RatedAt: { } ratedAt } ? new TicketRatingView(score, ticket.RatingComment, ratedAt, row.RatedByName) : null,
            CanRate = TicketAccessRules.MayRate(access, ticket.Status),
            LinkedCustomers = await LinkedCustomersAsync(db, ticket, template, ct),
        };
    }

    /// <summary>One more statement, only for a ticket whose 关联客户 fields are filled.</summary>
    private static async Task<IReadOnlyDictionary<long, string>> LinkedCustomersAsync(ScrmDbContext db, Ticket ticket,
        Domain.Templates.TicketTemplate template, CancellationToken ct)
    {
        var ids = template.Fields.Where(f => f.Type == Domain.Templates.FieldType.CustomerLink)
            .Select(f => long.TryParse(ticket.FieldValueMap.GetValueOrDefault(f.Key), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
            .OfType<long>().Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<long, string>()
            : await db.Customers.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }

    private Task<TicketRowWithNames?> LoadAsync(ScrmDbContext db, Actor user, long id, CancellationToken ct)
    {
        var today = ChinaTime.Today(time);
        var userId = user.UserId;
        var isCustomer = user.Role == Role.Customer;
        var isRegional = RegionScope.IsRegional(user);
        var visibleRegions = RegionScope.VisibleRegionIds(db, userId);
        return db.Tickets.AsNoTracking().IgnoreAutoIncludes().Include(t => t.Fields).Include(t => t.Visits).AsSplitQuery()
            .Where(t => t.Id == id)
            .Select(t => new TicketRowWithNames(
                t,
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Name).FirstOrDefault(),
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => c.Phone).FirstOrDefault(),
                db.Customers.Where(c => c.Id == t.CustomerId).Select(c => (CustomerLevel?)c.Level).FirstOrDefault(),
                db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.Name).FirstOrDefault(),
                db.CityTierChanges.Where(c => c.RegionId == t.RegionId && c.EffectiveFrom <= today).OrderByDescending(c => c.EffectiveFrom)
                    .Select(c => c.TierCode).FirstOrDefault(),
                db.Regions.Where(r => r.Id == t.RegionId).Select(r => r.ParentId).FirstOrDefault(),
                db.UserProfiles.Where(u => u.Id == t.AssigneeId).Select(u => u.DisplayName).FirstOrDefault(),
                db.UserProfiles.Where(u => u.Id == t.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                // TicketAccessRules' customer rule, asked here so a customer's open costs no extra query.
                isCustomer && db.UserProfiles.Any(u => u.Id == userId && u.CustomerId != null && u.CustomerId == t.CustomerId),
                // RegionScope's rule, asked here likewise: a central user (no regions) sees all, others their regions.
                isRegional && (!db.UserRegions.Any(r => r.UserId == userId) || (t.RegionId != null && visibleRegions.Contains(t.RegionId.Value))),
                // Who last set the score or comment: the audit trail keeps it, so the ticket needs no column of its own.
                t.Rating == null ? null : db.AuditEntries.Where(a => a.TicketId == t.Id && (a.Field == nameof(Ticket.Rating) || a.Field == nameof(Ticket.RatingComment)))
                    .OrderByDescending(a => a.Id).Select(a => a.ActorName).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);
    }

    private TicketWorkflowView WorkflowView(Ticket ticket, WorkflowDefinition workflow, Domain.Templates.TicketTemplate template,
        TicketFacts facts, Actor user, TicketAccess access)
    {
        // A customer follows the progress; the buttons are the staff's.
        var buttons = access < TicketAccess.Work ? [] : ticket.AvailableTransitions(workflow.Graph, template, facts, user.ForWorkflow!, time)
            .Select(b => new WorkflowButton(b.Transition.Id, b.Transition.Label, b.Refusal)).ToList();
        var path = ticket.Visits.OrderBy(v => v.EnteredAt).ThenBy(v => v.Id)
            .Select(v => new VisitRow(v.NodeName, v.Kind, v.EnteredAt, v.ExitedAt, v.ExitedByName, v.ExitedVia)).ToList();
        return new TicketWorkflowView(workflow.Graph.FindNode(ticket.CurrentNodeId)?.Name, buttons, path, workflow.Number);
    }

    private sealed record TicketRowWithNames(Ticket Ticket, string? CustomerName, string? CustomerPhone, CustomerLevel? CustomerLevel,
        string? RegionName, string? RegionTier, long? RegionParentId, string? AssigneeName, string? CreatorName, bool CustomerOwnsTicket,
        bool InRegionScope, string? RatedByName);
}
