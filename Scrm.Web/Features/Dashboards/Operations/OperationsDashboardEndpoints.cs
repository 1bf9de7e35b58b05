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
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var parsed = DashboardPeriod.Parse(period, from, to, ChinaTime.Today(time), out var errorKey);
            if (errorKey is not null)
            {
                return Results.Text(l[errorKey], statusCode: StatusCodes.Status400BadRequest);
            }

            OperationsDashboard dashboard;
            try
            {
                dashboard = await reader.ReadAsync(actor, parsed, new RegionFilter(UrlValues.ParseId(province), null), http.RequestAborted);
            }
            catch (ForbiddenException)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var table = OperationsTable.Build(dashboard, l);
            return Results.File(DashboardWorkbook.Build(table), DashboardWorkbook.ContentType,
                DashboardWorkbook.FileName(l["Ops.Title"], table.Title, parsed));
        }).RequireAuthorization();
}
