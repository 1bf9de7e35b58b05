using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>
/// GET /dashboards/dwell/nodes.xlsx with the page's query (workflow, period or from/to): the node table as a workbook,
/// read through the same reader and built by the same <see cref="DwellTable.Build"/> as the page. 403 for anyone but
/// supervisors and admins, 404 for an unknown version, 400 for a period the page would refuse. Reads only.
/// </summary>
public static class DwellEndpoints
{
    public const string NodesPath = "dashboards/dwell/nodes.xlsx";

    public static void MapDwellEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/" + NodesPath, async (HttpContext http, IDwellTimeReader reader, IStringLocalizer<SharedResource> l, TimeProvider time) =>
        {
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is not { } actor || !DashboardAccess.MaySeeOperations(actor))
            {
                return DashboardExports.Forbidden();
            }

            var query = http.Request.Query;
            var period = DashboardPeriod.Parse(query["period"], query["from"], query["to"], ChinaTime.Today(time), out var error);
            if (error is not null)
            {
                return DashboardExports.PeriodRefused(l, error);
            }

            if (UrlValues.ParseId(query["workflow"]) is not { } versionId
                || await reader.ReadAsync(actor, versionId, period, http.RequestAborted) is not { } view)
            {
                return Results.NotFound();
            }

            return Results.File(DashboardWorkbook.Build(DwellTable.Build(view, l)), DashboardWorkbook.ContentType, DwellTable.FileName(view, l));
        }).RequireAuthorization();
}
