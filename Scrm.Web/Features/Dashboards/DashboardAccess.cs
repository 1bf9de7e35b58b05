using Scrm.Domain.Common;
using Scrm.Domain.Users;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// Who sees which dashboard, defined once: supervisors see their regions' money and operations, finance sees money for
/// every region, admins see everything; agents, technicians, sales and customers see no dashboard. Numbers are always
/// cut to the viewer's <see cref="Security.RegionScope"/> on the server, whatever the URL asks for.
/// </summary>
public static class DashboardAccess
{
    public const string RevenueRoles = $"{nameof(Role.Supervisor)},{nameof(Role.Finance)},{nameof(Role.Admin)}";
    public const string OperationsRoles = $"{nameof(Role.Supervisor)},{nameof(Role.Admin)}";

    public static bool MaySeeRevenue(Actor actor) => actor.Role is Role.Supervisor or Role.Finance or Role.Admin;

    public static bool MaySeeOperations(Actor actor) => actor.Role is Role.Supervisor or Role.Admin;
}
