using Scrm.Web.Features.Catalog.Import;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Catalog;

public static class CatalogEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>GET /admin/catalog/{services|parts}/template.xlsx: the import template, for admins. Reads nothing, writes nothing.</summary>
    public static void MapCatalogEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/admin/catalog/{kind}/template.xlsx", (string kind) =>
                Enum.TryParse<CatalogKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? Results.File(CatalogTemplate.Build(parsed), XlsxContentType, CatalogColumns.TemplateFileName(parsed))
                    : Results.NotFound())
            .RequireAuthorization(p => p.RequireRole(RoleSets.Admin));
}
