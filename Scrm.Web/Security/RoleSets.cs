using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>Role lists for <c>[Authorize(Roles = …)]</c> and for server-side checks, defined once.</summary>
public static class RoleSets
{
    public const string Admin = nameof(Role.Admin);
    public const string TicketDesk = $"{nameof(Role.Agent)},{nameof(Role.Supervisor)},{nameof(Role.Admin)}";
    public const string Staff = $"{nameof(Role.Admin)},{nameof(Role.Supervisor)},{nameof(Role.Agent)},{nameof(Role.Technician)},{nameof(Role.Finance)},{nameof(Role.Sales)}";

    /// <summary>Who may open a ticket's page: the desk, the assigned technician and the ticket's customer (checked per ticket).</summary>
    public const string TicketReader = $"{TicketDesk},{nameof(Role.Technician)},{nameof(Role.Customer)}";

    /// <summary>Everyone who can sign in: each role has a home page at "/".</summary>
    public const string Everyone = $"{Staff},{nameof(Role.Customer)}";

    public static readonly Role[] TicketDeskRoles = [Role.Agent, Role.Supervisor, Role.Admin];

    public static readonly Role[] StaffRoles = [Role.Admin, Role.Supervisor, Role.Agent, Role.Technician, Role.Finance, Role.Sales];

    /// <summary>Who may see a ticket's page: the desk, the technician it is assigned to and its customer (checked per ticket).</summary>
    public static readonly Role[] TicketReaders = [Role.Agent, Role.Supervisor, Role.Admin, Role.Technician, Role.Customer];
}
