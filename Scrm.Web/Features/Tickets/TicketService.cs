using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

/// <summary>
/// The ticket commands and reads, for whoever acts: a page, an endpoint, a job or an import passes its actor. Every
/// method checks the role first and the ticket's access policy (<see cref="TicketAccessRules"/>) for the ticket it touches.
/// </summary>
public sealed partial class TicketService(UnitOfWork work, TemplateCache templates, WorkflowVersionCache workflows, SlaReader sla, TimeProvider time)
{
    private readonly TicketViewQuery _view = new(templates, workflows, time);

    public Task<PagedResult<TicketRow>> ListAsync(Actor actor, TicketQuery query, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync(async (db, token) =>
            await TicketListQuery.WithSlaAsync(db, sla, await TicketListQuery.RunAsync(db, query, await RegionScope.ForAsync(db, actor, token), token), token), ct);
    }

    public Task<TicketView?> GetAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        // The SLA countdowns come with the ticket, in the same read: one more statement, for the staff only.
        return work.ReadAsync(async (db, token) =>
        {
            var view = await _view.RunAsync(db, actor, id, token);
            return view is { Access: >= TicketAccess.Work } ? view with { Sla = new TicketSlaView(await sla.RunningAsync(db, id, token), view.SlaBreachedAt) } : view;
        }, ct);
    }

    /// <summary>The active template a new ticket is built from, with its fields and rules.</summary>
    public Task<TicketTemplate?> GetTemplateForNewTicketAsync(Actor actor, long templateId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync((db, token) => db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == templateId && t.IsActive, token), ct);
    }

    /// <summary>
    /// Creates the ticket and returns its id and number. The number is taken in the transaction that saves the ticket,
    /// so it is never lost or shared; nothing is saved if any input is refused.
    /// </summary>
    public Task<(long Id, string Number)> CreateAsync(Actor actor, TicketForm form, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.RunAsync(actor, async (db, token) =>
        {
            var template = await LoadTemplateAsync(db, form.TemplateId, token);
            await CheckReferencesAsync(db, await RegionScope.ForAsync(db, actor, token), template, form, current: null, token);
            var workflow = await Workflows.LatestPublishedAsync(db, template.Id, token);

            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var day = ChinaTime.Today(time);
            var number = new TicketNumber(day, await TicketNumbers.NextAsync(db, TicketNumber.DayKey(day), token));
            var ticket = Ticket.Create(number, template, form.Details, form.Fields, actor.UserId, time);
            if (workflow is not null)
            {
                ticket.StartWorkflow(workflow.Id, workflow.Graph, template, await Workflows.FactsAsync(db, ticket, time, token), actor.ForWorkflow!, time);
            }

            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(token);
            await transaction.CommitAsync(token);
            return (ticket.Id, ticket.Number);
        }, ct);
    }

    public Task<long> EditAsync(Actor actor, long ticketId, TicketForm form, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return MutateAsync(actor, ticketId, form.Version, TicketAccess.Desk, async (db, ticket, scope, token) =>
        {
            var template = await LoadTemplateAsync(db, ticket.TemplateId, token);
            await CheckReferencesAsync(db, scope, template, form, ticket, token);
            ticket.Edit(template, form.Details, form.Fields, time);
        }, ct);
    }

    /// <summary>Moves a ticket without a workflow on: the desk along any allowed path, its technician to start, pause or finish.</summary>
    public Task<long> ChangeStatusAsync(Actor actor, long ticketId, long version, TicketStatus next, CancellationToken ct = default)
    {
        actor.Require(Role.Agent, Role.Supervisor, Role.Admin, Role.Technician);
        return MutateAsync(actor, ticketId, version, TicketAccess.Work, (_, ticket, _, _) =>
        {
            // Only the desk has Desk access; the assigned technician (Work) may start, pause or finish.
            if (actor.Role == Role.Technician && !TicketAccessRules.TechnicianStatuses.Contains(next))
            {
                throw new ForbiddenException();
            }

            ticket.ChangeStatus(next, time);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Presses a workflow button of the ticket's current node.</summary>
    public Task<long> TransitionAsync(Actor actor, long ticketId, long version, string transitionId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketReaders);
        return MutateAsync(actor, ticketId, version, TicketAccess.Work, async (db, ticket, _, token) =>
        {
            var workflow = await Workflows.VersionOfAsync(workflows, db, ticket, token)
                ?? throw new DomainException("WorkflowNotActive", "The ticket is not at a workflow step.");
            var template = await LoadTemplateAsync(db, ticket.TemplateId, token);
            ticket.Transition(workflow.Graph, transitionId, template, await Workflows.FactsAsync(db, ticket, time, token), actor.ForWorkflow!, time);
        }, ct);
    }

    /// <summary>Moves a ticket on from a Timer whose wait is over; false when it is not due (any more). For the timer job.</summary>
    public Task<bool> FireTimerAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        if (!actor.IsSystem)
        {
            throw new ForbiddenException();
        }

        return work.RunAsync(actor, async (db, token) =>
        {
            var ticket = await LoadForChangeAsync(db, ticketId, token);
            var workflow = await Workflows.VersionOfAsync(workflows, db, ticket, token);

            // A due time the ticket no longer waits for (moved off its Timer) is dropped, not picked up every round.
            if (ticket.ClearStaleTimer(workflow?.Graph))
            {
                await db.SaveChangesOrConflictAsync(token);
                return false;
            }

            if (workflow is null)
            {
                return false;
            }

            var template = await LoadTemplateAsync(db, ticket.TemplateId, token);
            if (!ticket.FireTimer(workflow.Graph, template, await Workflows.FactsAsync(db, ticket, time, token), time))
            {
                return false;
            }

            await db.SaveChangesOrConflictAsync(token);
            return true;
        }, ct);
    }

    private static async Task<Ticket> RequireAccessAsync(ScrmDbContext db, Actor actor, long ticketId, TicketAccess needed, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        return await TicketAccessRules.ForAsync(db, actor, ticket, ct) < needed ? throw new ForbiddenException() : ticket;
    }

    /// <summary>
    /// Loads the ticket, checks the actor may do this much with it, applies a change and saves it — refusing when the
    /// ticket is no longer at <paramref name="expectedVersion"/>: the user saw an older ticket and would overwrite
    /// someone else's change. The change gets the actor's region scope, read once for the access check and its own.
    /// </summary>
    private Task<long> MutateAsync(Actor actor, long ticketId, long expectedVersion, TicketAccess needed,
        Func<ScrmDbContext, Ticket, RegionScope, CancellationToken, Task> change, CancellationToken ct) =>
        work.RunAsync(actor, async (db, token) =>
        {
            var ticket = await LoadForChangeAsync(db, ticketId, token);
            var scope = await RegionScope.ForAsync(db, actor, token);
            if (await TicketAccessRules.ForAsync(db, actor, ticket, scope, token) < needed)
            {
                throw new ForbiddenException();
            }

            if (ticket.Version != expectedVersion)
            {
                throw new ConcurrencyConflictException();
            }

            await change(db, ticket, scope, token);
            await db.SaveChangesOrConflictAsync(token);
            return ticket.Version;
        }, ct);

    /// <summary>
    /// The ticket with what a change needs: its field values, the visit it is in and the last one a person left (who
    /// sent it to an approval) — not its whole history.
    /// </summary>
    /// <remarks>
    /// Ordering by id is ordering by exit: a ticket is at one node at a time, so visits are entered, and left, in id order.
    /// Ticket.RequesterOfCurrentNode reads the latest visit a person left, which is the second row (or the first, when the
    /// workflow has ended and no visit is open). ApprovalHistoryTests walks a long submit/reject history to keep it so.
    /// </remarks>
    private static async Task<Ticket> LoadForChangeAsync(ScrmDbContext db, long ticketId, CancellationToken ct) =>
        await db.Tickets.Include(t => t.Fields)
            .Include(t => t.Visits.Where(v => v.ExitedAt == null || v.ExitedById != null).OrderByDescending(v => v.Id).Take(2))
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
        ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");

    private async Task<TicketTemplate> LoadTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        await templates.GetAsync(db, templateId, ct)
        ?? throw new DomainException("TemplateNotFound", "Choose a ticket template.") { Field = "TemplateId" };

    /// <summary>
    /// Ids in the form must name things that exist, and that the actor may see: a forged post is refused, not saved. A
    /// desk user with regions must put the ticket in one of their cities and may pick only customers in their regions;
    /// the customers and the assignee <paramref name="current"/> already names stay allowed (a technician deactivated since is
    /// still on the ticket until someone reassigns it), so an edit never trips over what it kept.
    /// </summary>
    private static async Task CheckReferencesAsync(ScrmDbContext db, RegionScope scope, TicketTemplate template, TicketForm form, Ticket? current,
        CancellationToken ct)
    {
        var customers = scope.Apply(db.Customers);
        if (form.CustomerId is { } customerId && customerId != current?.CustomerId && !await customers.AnyAsync(c => c.Id == customerId, ct))
        {
            throw new DomainException("CustomerNotFound", "The chosen customer does not exist.") { Field = "CustomerId" };
        }

        if (form.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId && r.ParentId != null, ct))
        {
            throw new DomainException("RegionNotFound", "Choose a city as the region.") { Field = "RegionId" };
        }

        if (!scope.IsAll && form.RegionId is null)
        {
            throw new DomainException("RegionRequired", "Choose the city of the ticket: it must be in one of your regions.") { Field = "RegionId" };
        }

        if (!scope.Contains(form.RegionId))
        {
            throw new DomainException("RegionOutOfScope", "Choose a city in your regions.") { Field = "RegionId" };
        }

        if (form.AssigneeId is { Length: > 0 } assigneeId && assigneeId != current?.AssigneeId
            && !await db.UserProfiles.AnyAsync(u => u.Id == assigneeId && u.IsActive && u.Role == Role.Technician, ct))
        {
            throw new DomainException("AssigneeNotFound", "The assignee must be an active technician.") { Field = "AssigneeId" };
        }

        var linkFields = template.Fields.Where(f => f.Type == FieldType.CustomerLink).Select(f => f.Key).ToList();
        var keptLinks = current is null ? [] : linkFields.Select(current.FieldValueMap.GetValueOrDefault).ToHashSet();
        var linkedCustomers = linkFields.Select(form.Fields.GetValueOrDefault)
            .Where(v => !keptLinks.Contains(v) && long.TryParse(v, CultureInfo.InvariantCulture, out _))
            .Select(v => long.Parse(v!, CultureInfo.InvariantCulture)).Distinct().ToList();
        if (linkedCustomers.Count > 0 && await customers.CountAsync(c => linkedCustomers.Contains(c.Id), ct) != linkedCustomers.Count)
        {
            throw new DomainException("CustomerNotFound", "The chosen customer does not exist.");
        }
    }
}
