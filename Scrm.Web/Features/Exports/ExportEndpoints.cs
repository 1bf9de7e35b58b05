using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// The download of a finished export: only its owner gets the file (403 for anyone else, 404 for an id that is no
/// export), streamed with the Chinese file name in <c>Content-Disposition</c> (<c>filename*</c>, UTF-8). A link whose
/// file is gone leads back to 我的导出, which says why.
/// </summary>
public static class ExportEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string DownloadPath(Guid id) => $"exports/{id}/file";

    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/exports/{id}/file", async (string id, HttpContext http, ExportService exports) =>
        {
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is not { } actor)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var download = await exports.DownloadAsync(actor, id, http.RequestAborted);
            switch (download.Outcome)
            {
                case ExportDownloadOutcome.NotFound:
                    return Results.NotFound();
                case ExportDownloadOutcome.Forbidden:
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                case ExportDownloadOutcome.File:
                    try
                    {
                        // Opened here, so a cleanup deleting it a moment later cannot turn the answer into an error.
                        var stream = new FileStream(download.Path!, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
                        return Results.File(stream, ContentType, download.FileName);
                    }
                    catch (FileNotFoundException)
                    {
                        return Results.LocalRedirect($"~/exports?missing={id}");
                    }

                default:
                    // Back to the list with the reason: expired, missing, or not done (yet).
                    return Results.LocalRedirect($"~/exports?{download.Outcome.ToString().ToLowerInvariant()}={id}");
            }
        }).RequireAuthorization();
}
