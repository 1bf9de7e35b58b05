using System.Globalization;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Revenue;

/// <summary>
/// The revenue dashboard's state as its URL carries it (<c>?period=month&amp;province=3&amp;city=7&amp;page=2</c>), read the
/// same way by the page and its exports, and the links that move between its levels.
/// </summary>
public sealed record RevenueUrl(DashboardPeriod Period, string? PeriodErrorKey, long? ProvinceId, long? CityId, int Page)
{
    public const string Path = "dashboards/revenue";

    /// <summary>The exports, by the name in <c>/dashboards/revenue/{table}.xlsx</c>.</summary>
    public static readonly IReadOnlyList<string> Tables = ["regions", "categories", "technicians", "daily", "tickets"];

    /// <summary>Reads the query values; garbage ids and pages are ignored, as everywhere in the address bar.</summary>
    public static RevenueUrl Parse(string? period, string? from, string? to, string? province, string? city, string? page, DateOnly today) =>
        new(DashboardPeriod.Parse(period, from, to, today, out var error), error, UrlValues.ParseId(province), UrlValues.ParseId(city),
            int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 100_000 ? p : 1);

    /// <summary>The dashboard of <paramref name="period"/> at a level: everything, a province, or a city.</summary>
    public static string Link(DashboardPeriod period, long? provinceId = null, long? cityId = null, int page = 1) =>
        Path + Query(period, provinceId, cityId) + (page > 1 ? $"&page={page}" : "");

    /// <summary>The .xlsx of one table, for the same period and region as the page.</summary>
    public static string Export(string table, DashboardPeriod period, long? provinceId, long? cityId) =>
        $"{Path}/{table}.xlsx" + Query(period, provinceId, cityId);

    private static string Query(DashboardPeriod period, long? provinceId, long? cityId) =>
        "?" + period.ToQuery()
            + (provinceId is { } p ? $"&province={p.ToString(CultureInfo.InvariantCulture)}" : "")
            + (cityId is { } c ? $"&city={c.ToString(CultureInfo.InvariantCulture)}" : "");
}
