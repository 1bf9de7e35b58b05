using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Finance;

/// <summary>
/// GET /finance/statements/{yyyy-MM}.xlsx[?payee=id]: the month's statement workbook, for all payees or one. Finance and
/// Admin only (403 for anyone else signed in), 404 for a month that is no month or a payee with nothing that month;
/// the Chinese file name goes in <c>filename*</c> (UTF-8), as the ticket export does.
/// </summary>
public static class FinanceEndpoints
{
    private const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string WorkbookPath(DateOnly month, string? payeeId) =>
        $"finance/statements/{LedgerMonth.Format(month)}.xlsx" + (payeeId is null ? "" : $"?payee={Uri.EscapeDataString(payeeId)}");

    public static void MapFinanceEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/finance/statements/{month}.xlsx", async (string month, string? payee, HttpContext http, StatementService statements) =>
        {
            if (CurrentUser.FromPrincipal(http.User, ActorChannel.Web) is not { Role: { } role } actor || !SettlementService.FinanceRoles.Contains(role))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            if (FinanceMonths.Parse(month) is not { } parsed)
            {
                return Results.NotFound();
            }

            var rows = await statements.MonthAsync(actor, parsed, http.RequestAborted);
            if (payee is not null)
            {
                rows = rows.Where(r => r.PayeeId == payee).ToList();
                if (rows.Count == 0)
                {
                    return Results.NotFound();
                }
            }

            var lines = await statements.MonthLinesAsync(actor, parsed, payee, http.RequestAborted);
            return Results.File(StatementWorkbook.Build(rows, lines), XlsxContentType, StatementWorkbook.FileName(parsed, payee is null ? null : rows[0].PayeeName));
        }).RequireAuthorization();
}
