using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

/// <summary>The ticket center: list, read, create, edit, move, comment. Every handler checks the role first.</summary>
public sealed class TicketService(IDbContextFactory<ScrmDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    private const int NumberAttempts = 5;

    public async Task<PagedResult<TicketRow>> ListAsync(TicketQuery query, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(RoleSets.TicketDeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TicketListQuery.RunAsync(db, query, ct);
    }

    public async Task<TicketView?> GetAsync(long id, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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

        var template = await LoadTemplateAsync(db, ticket.TemplateId, ct);
        var workflow = await WorkflowViewAsync(db, ticket, template, user, access, ct);
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

    /// <summary>The active template a new ticket is built from, with its fields and rules.</summary>
    public async Task<TicketTemplate?> GetTemplateForNewTicketAsync(long templateId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(RoleSets.TicketDeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.TicketTemplates.AsNoTracking().WithForm()
            .SingleOrDefaultAsync(t => t.Id == templateId && t.IsActive, ct);
        return template;
    }

    /// <summary>Creates the ticket and returns its id and number. Nothing is saved if any input is refused.</summary>
    public async Task<(long Id, string Number)> CreateAsync(TicketForm form, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketDeskRoles);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var template = await LoadTemplateAsync(db, form.TemplateId, ct);
            await CheckReferencesAsync(db, template, form, ct);

            var number = await NextNumberAsync(db, ct);
            var ticket = Ticket.Create(number, template, form.Details, form.Fields, user.Id, time);
            if (await Workflows.LatestPublishedAsync(db, template.Id, ct) is { } workflow)
            {
                ticket.StartWorkflow(workflow.Id, workflow.Graph, template, await Workflows.FactsAsync(db, ticket, ct), Workflows.Actor(user), time);
            }

            db.Tickets.Add(ticket);
            try
            {
                await db.SaveChangesAsync(ct);
                return (ticket.Id, ticket.Number);
            }
            catch (DbUpdateException) when (attempt < NumberAttempts)
            {
                // Another ticket took the same number (the per-day counter moved on or was created meanwhile): draw again.
            }
        }
    }

    public async Task<long> EditAsync(long ticketId, TicketForm form, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(RoleSets.TicketDeskRoles);
        return await MutateAsync(ticketId, form.Version, async (db, ticket) =>
        {
            var template = await LoadTemplateAsync(db, ticket.TemplateId, ct);
            await CheckReferencesAsync(db, template, form, ct);
            ticket.Edit(template, form.Details, form.Fields, time);
        }, ct);
    }

    /// <summary>Moves a ticket without a workflow on: the desk along any allowed path, its technician to start, pause or finish.</summary>
    public async Task<long> ChangeStatusAsync(long ticketId, long version, TicketStatus next, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(Role.Agent, Role.Supervisor, Role.Admin, Role.Technician);
        return await MutateAsync(ticketId, version, async (db, ticket) =>
        {
            var access = await TicketAccessRules.ForAsync(db, user, ticket, ct);
            if (access < TicketAccess.Work || (access == TicketAccess.Work && !TicketAccessRules.TechnicianStatuses.Contains(next)))
            {
                throw new ForbiddenException();
            }

            ticket.ChangeStatus(next, time);
        }, ct);
    }

    /// <summary>Presses a workflow button of the ticket's current node.</summary>
    public async Task<long> TransitionAsync(long ticketId, long version, string transitionId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketReaders);
        return await MutateAsync(ticketId, version, async (db, ticket) =>
        {
            if (await TicketAccessRules.ForAsync(db, user, ticket, ct) < TicketAccess.Work)
            {
                throw new ForbiddenException();
            }

            var workflow = await Workflows.VersionOfAsync(db, ticket, ct)
                ?? throw new DomainException("WorkflowNotActive", "The ticket is not at a workflow step.");
            var template = await LoadTemplateAsync(db, ticket.TemplateId, ct);
            ticket.Transition(workflow.Graph, transitionId, template, await Workflows.FactsAsync(db, ticket, ct), Workflows.Actor(user), time);
        }, ct);
    }

    private async Task<TicketWorkflowView?> WorkflowViewAsync(ScrmDbContext db, Ticket ticket, TicketTemplate template, UserContext user,
        TicketAccess access, CancellationToken ct)
    {
        if (await Workflows.VersionOfAsync(db, ticket, ct) is not { } workflow)
        {
            return null;
        }

        // A customer follows the progress; the buttons are the staff's.
        var buttons = access < TicketAccess.Work ? [] : ticket.AvailableTransitions(workflow.Graph, template, await Workflows.FactsAsync(db, ticket, ct), Workflows.Actor(user), time)
            .Select(b => new WorkflowButton(b.Transition.Id, b.Transition.Label, b.Refusal)).ToList();
        var path = ticket.Visits.OrderBy(v => v.EnteredAt).ThenBy(v => v.Id)
            .Select(v => new VisitRow(v.NodeName, v.Kind, v.EnteredAt, v.ExitedAt, v.ExitedByName, v.ExitedVia)).ToList();
        return new TicketWorkflowView(workflow.Graph.FindNode(ticket.CurrentNodeId)?.Name, buttons, path, workflow.Version);
    }

    public async Task<IReadOnlyList<CommentRow>> CommentsAsync(long ticketId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireWorkAccessAsync(db, user, ticketId, ct);
        return await db.TicketComments.AsNoTracking().Where(c => c.TicketId == ticketId).OrderByDescending(c => c.CreatedAt)
            .Select(c => new CommentRow(c.Id, c.AuthorName, c.Text, c.CreatedAt)).ToListAsync(ct);
    }

    /// <summary>Adds a comment: the desk on any ticket, a technician on the tickets assigned to them.</summary>
    public async Task AddCommentAsync(long ticketId, string? text, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireWorkAccessAsync(db, user, ticketId, ct);
        db.TicketComments.Add(TicketComment.Create(ticketId, user.Id, user.DisplayName, text, time));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(long ticketId, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(RoleSets.TicketReaders);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RequireWorkAccessAsync(db, user, ticketId, ct);
        return await TicketHistoryQuery.RunAsync(db, ticketId, ct);
    }

    /// <summary>Comments and history are the staff's working notes: the desk and the assigned technician only.</summary>
    private static async Task RequireWorkAccessAsync(ScrmDbContext db, UserContext user, long ticketId, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        if (await TicketAccessRules.ForAsync(db, user, ticket, ct) < TicketAccess.Work)
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>
    /// Loads the ticket, applies a change and saves it, refusing when the ticket is no longer at
    /// <paramref name="expectedVersion"/>: the user saw an older ticket and would overwrite someone else's change.
    /// </summary>
    private async Task<long> MutateAsync(long ticketId, long expectedVersion, Func<ScrmDbContext, Ticket, Task> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.Include(t => t.Fields).Include(t => t.Visits).AsSplitQuery().SingleOrDefaultAsync(t => t.Id == ticketId, ct)
            ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        if (ticket.Version != expectedVersion)
        {
            throw new ConcurrencyConflictException();
        }

        await change(db, ticket);
        await db.SaveChangesOrConflictAsync(ct);

        return ticket.Version;
    }

    private static async Task<TicketTemplate> LoadTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        await db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == templateId, ct)
        ?? throw new DomainException("TemplateNotFound", "Choose a ticket template.") { Field = "TemplateId" };

    /// <summary>Ids in the form must name things that exist: a forged post is refused, not saved.</summary>
    private static async Task CheckReferencesAsync(ScrmDbContext db, TicketTemplate template, TicketForm form, CancellationToken ct)
    {
        if (form.CustomerId is { } customerId && !await db.Customers.AnyAsync(c => c.Id == customerId, ct))
        {
            throw new DomainException("CustomerNotFound", "The chosen customer does not exist.") { Field = "CustomerId" };
        }

        if (form.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId && r.ParentId != null, ct))
        {
            throw new DomainException("RegionNotFound", "Choose a city as the region.") { Field = "RegionId" };
        }

        if (form.AssigneeId is { Length: > 0 } assigneeId
            && !await db.UserProfiles.AnyAsync(u => u.Id == assigneeId && u.IsActive && u.Role == Role.Technician, ct))
        {
            throw new DomainException("AssigneeNotFound", "The assignee must be an active technician.") { Field = "AssigneeId" };
        }

        var linkedCustomers = template.Fields.Where(f => f.Type == FieldType.CustomerLink)
            .Select(f => form.Fields.GetValueOrDefault(f.Key))
            .Where(v => long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(v => long.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        if (linkedCustomers.Count > 0 && await db.Customers.CountAsync(c => linkedCustomers.Contains(c.Id), ct) != linkedCustomers.Count)
        {
            throw new DomainException("CustomerNotFound", "The chosen customer does not exist.");
        }
    }

    /// <summary>Takes the next number of today's (China time) counter; the counter row is saved with the ticket.</summary>
    private async Task<TicketNumber> NextNumberAsync(ScrmDbContext db, CancellationToken ct)
    {
        var day = ChinaTime.Today(time);
        var key = TicketNumber.DayKey(day);
        var counter = await db.TicketNumberCounters.SingleOrDefaultAsync(c => c.Day == key, ct);
        if (counter is null)
        {
            counter = new TicketNumberCounter { Day = key };
            db.TicketNumberCounters.Add(counter);
        }

        counter.Last++;
        counter.Version++;
        return new TicketNumber(day, counter.Last);
    }
}
