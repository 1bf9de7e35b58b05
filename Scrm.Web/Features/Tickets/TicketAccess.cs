using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

/// <summary>How far a user may go with one ticket. Every ticket handler asks this on the server, whatever the page showed.</summary>
public enum TicketAccess
{
    /// <summary>Not theirs: treated as if it did not exist.</summary>
    None,

    /// <summary>The ticket's customer: reads its details and progress, nothing else.</summary>
    Read,

    /// <summary>The assigned technician: reads everything, comments, and moves the work on.</summary>
    Work,

    /// <summary>Agents, supervisors and admins: everything, on the tickets in their regions (<see cref="RegionScope"/>).</summary>
    Desk,
}

public static class TicketAccessRules
{
    /// <summary>Statuses the assigned technician may set on a ticket without a workflow: start, pause, finish.</summary>
    public static readonly TicketStatus[] TechnicianStatuses = [TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved];

    /// <summary>Who may rate a finished ticket: the desk (a follow-up call) and the customer. Not the technician who did the work.</summary>
    public static readonly Role[] RatingRoles = [.. RoleSets.TicketDeskRoles, Role.Customer];

    /// <summary>Whether this user may record the rating of this ticket now: it is finished, and they are its desk or its customer.</summary>
    public static bool MayRate(TicketAccess access, TicketStatus status) =>
        access is (TicketAccess.Desk or TicketAccess.Read) && status is (TicketStatus.Resolved or TicketStatus.Closed);

    /// <summary>The policy for one ticket, asking the database what it needs: the desk's region scope, a customer's link.</summary>
    public static async Task<TicketAccess> ForAsync(ScrmDbContext db, Actor user, Ticket ticket, CancellationToken ct) =>
        await ForAsync(db, user, ticket, await RegionScope.ForAsync(db, user, ct), ct);

    /// <summary>The same, with the actor's region scope already read by the command (which needs it again).</summary>
    public static async Task<TicketAccess> ForAsync(ScrmDbContext db, Actor user, Ticket ticket, RegionScope scope, CancellationToken ct)
    {
        if (IsDesk(user))
        {
            return For(user, ticket, customerOwnsTicket: false, inRegionScope: scope.Contains(ticket.RegionId));
        }

        var customerOwnsTicket = user.Role == Role.Customer && ticket.CustomerId is { } customerId
            && await db.UserProfiles.AnyAsync(u => u.Id == user.UserId && u.CustomerId == customerId, ct);
        return For(user, ticket, customerOwnsTicket, inRegionScope: false);
    }

    /// <summary>
    /// The same policy when the caller already knows whether the user's profile belongs to the ticket's customer and
    /// whether the ticket is in the desk user's regions (the ticket page reads both in the query that loads the ticket).
    /// A desk user outside the ticket's region gets <see cref="TicketAccess.None"/>: to them it does not exist.
    /// </summary>
    public static TicketAccess For(Actor user, Ticket ticket, bool customerOwnsTicket, bool inRegionScope)
    {
        if (IsDesk(user))
        {
            return inRegionScope ? TicketAccess.Desk : TicketAccess.None;
        }

        if (user.Role == Role.Technician)
        {
            return ticket.AssigneeId == user.UserId ? TicketAccess.Work : TicketAccess.None;
        }

        return user.Role == Role.Customer && ticket.CustomerId is not null && customerOwnsTicket ? TicketAccess.Read : TicketAccess.None;
    }

    private static bool IsDesk(Actor user) => user.Role is { } role && RoleSets.TicketDeskRoles.Contains(role);

    /// <summary>
    /// Whether a list of tickets (held settlements, reconciliation, a dashboard's drill-down) links each one for this
    /// viewer: the desk opens the tickets of its regions; finance sees the list's facts without a link it could not follow.
    /// </summary>
    public static bool OpensTicketsFromLists(Actor user) => IsDesk(user);

    /// <summary>The status buttons this user gets on a ticket without a workflow.</summary>
    public static IReadOnlyList<TicketStatus> NextStatuses(TicketAccess access, Ticket ticket)
    {
        if (ticket.WorkflowId is not null || access < TicketAccess.Work)
        {
            return [];
        }

        var next = TicketStatusRules.NextFrom(ticket.Status).Where(s => s != TicketStatus.Assigned || ticket.AssigneeId is not null);
        return access == TicketAccess.Desk ? next.ToList() : next.Where(TechnicianStatuses.Contains).ToList();
    }
}
