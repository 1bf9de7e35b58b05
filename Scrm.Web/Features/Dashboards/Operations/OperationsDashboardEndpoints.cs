using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>
/// GET /dashboards/operations/regions.xlsx?&lt;the page's query&gt;: the per-region table (total row included) as the page
/// shows it. Supervisors and admins only (403), and only for a region the reader lets the viewer see (403); a period
/// that cannot be shown is a 400 with the page's message. Reads, never writes.
/// </summary>
public static class OperationsDashboardEndpoints
{
    public static void MapOperationsDashboardEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + OperationsLinks.ExportPath, async (string? period, string? from, string? to, string? province, HttpContext http,
            IOperationsDashboardReader reader, IStringLocalizer<SharedResource> l, TimeProvider time) =>
        {
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is not { } actor || !DashboardAccess.MaySeeOperations(actor))
            {
                return DashboardExports.Forbidden();
            }

            var parsed = DashboardPeriod.Parse(period, from, to, ChinaTime.Today(time), out var errorKey);
            if (errorKey is not null)
            {
                return DashboardExports.PeriodRefused(l, errorKey);
            }

            OperationsDashboard dashboard;
            try
            {
                dashboard = await reader.ReadAsync(actor, parsed, new RegionFilter(UrlValues.ParseId(province), null), http.RequestAborted);
            }
            catch (ForbiddenException)
            {
                return DashboardExports.Forbidden();
            }
            catch (DomainException e) when (e.Code == DashboardRegions.NotFoundCode)
            {
                return Results.NotFound();
            }

            var table = OperationsTable.Build(dashboard, l);
            return Results.File(DashboardWorkbook.Build(table), DashboardWorkbook.ContentType,
                DashboardWorkbook.FileName(l["Ops.Title"], table.Title, parsed));
        }).RequireAuthorization();
}
