using Microsoft.Extensions.Localization;

namespace Scrm.Web.Features.Dashboards;

/// <summary>What every dashboard export answers when it cannot give the workbook, so a hand-edited link reads alike.</summary>
public static class DashboardExports
{
    /// <summary>400 with the period message the page shows (e.g. "结束日期早于开始日期…"), as plain text a browser shows as it is.</summary>
    public static IResult PeriodRefused(IStringLocalizer l, string errorKey) =>
        Results.Text(l[errorKey], "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);

    /// <summary>403 without a body: the app's status page explains it in the viewer's language.</summary>
    public static IResult Forbidden() => Results.StatusCode(StatusCodes.Status403Forbidden);
}
