using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards.Revenue;

/// <summary>
/// GET /dashboards/revenue/{table}.xlsx?{the page's query}: one table of the revenue dashboard as a workbook, read
/// through the same reader and built by the same <see cref="RevenueTables"/> function as the page. 403 for a viewer who
/// may not see revenue or that region, 400 for a period the page refuses, 404 for an unknown table or region.
/// </summary>
public static class RevenueEndpoints
{
    // The drill-down list is read a page at a time, as the page does, until every row is in.
    private const int TicketBatch = 500;

    public static void MapRevenueDashboardEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dashboards/revenue/{table}.xlsx", async (string table, HttpContext http, IRevenueDashboardReader reader,
            DashboardRegionService regions, IStringLocalizer<SharedResource> l, TimeProvider time) =>
        {
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is not { } actor || !DashboardAccess.MaySeeRevenue(actor))
            {
                return DashboardExports.Forbidden();
            }

            var query = http.Request.Query;
            var url = RevenueUrl.Parse(query["period"], query["from"], query["to"], query["province"], query["city"], null, ChinaTime.Today(time));
            if (!RevenueUrl.Tables.Contains(table) || (table == "tickets" && url.CityId is null))
            {
                return Results.NotFound();
            }

            if (url.PeriodErrorKey is not null)
            {
                return DashboardExports.PeriodRefused(l, url.PeriodErrorKey);
            }

            var ct = http.RequestAborted;
            try
            {
                if (await regions.FindAsync(actor, url.ProvinceId, url.CityId, ct) is not { } path)
                {
                    return Results.NotFound();
                }

                var sheet = await BuildAsync(table, reader, actor, url.Period, path, l, ct);
                return Results.File(DashboardWorkbook.Build(sheet), DashboardWorkbook.ContentType,
                    DashboardWorkbook.FileName(l["Nav.RevenueDashboard"], sheet.Title, url.Period));
            }
            catch (ForbiddenException)
            {
                return DashboardExports.Forbidden();
            }
        }).RequireAuthorization();

    private static async Task<DashboardTable> BuildAsync(string table, IRevenueDashboardReader reader, Actor actor, DashboardPeriod period,
        DashboardRegionPath path, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        if (table == "tickets")
        {
            var rows = new List<SettledTicketRow>();
            for (var page = 1; ; page++)
            {
                var (batch, total) = await reader.SettledTicketsAsync(actor, period, path.CityId!.Value, page, TicketBatch, ct);
                rows.AddRange(batch);
                if (batch.Count < TicketBatch || rows.Count >= total)
                {
                    return RevenueTables.Tickets(rows, l);
                }
            }
        }

        var dashboard = await reader.ReadAsync(actor, period, path.Filter, ct);
        return table switch
        {
            "regions" => RevenueTables.Regions(dashboard.ByRegion, l),
            "categories" => RevenueTables.Categories(dashboard.ByCategory, l),
            "technicians" => RevenueTables.Technicians(dashboard.TopTechnicians, l),
            _ => RevenueTables.Daily(dashboard.Daily, l),
        };
    }
}
