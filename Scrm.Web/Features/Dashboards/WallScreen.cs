using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// 大屏模式 for the office TV: any dashboard URL with <c>wall=N</c> shows without app bar or drawer, in large type, and
/// moves on to the next dashboard the viewer may see every N seconds (revenue → operations → dwell → revenue), keeping
/// the period. Nonsense in <c>wall</c> is ignored (the normal page).
/// </summary>
public static class WallScreen
{
    public const int MinSeconds = 10;
    public const int MaxSeconds = 3600;
    public const int DefaultSeconds = 30;

    private static readonly string[] Kept = ["period", "from", "to"];

    private static readonly string[] Rotation = ["dashboards/revenue", "dashboards/operations", "dashboards/dwell"];

    /// <summary>The rotation interval the URL asks for, or null when it is no wall-screen URL.</summary>
    public static int? Seconds(string uri)
    {
        var url = new Uri(uri, UriKind.Absolute);
        if (!Rotation.Any(p => url.AbsolutePath.TrimEnd('/').EndsWith(p, StringComparison.OrdinalIgnoreCase))
            || !QueryHelpers.ParseQuery(url.Query).TryGetValue("wall", out var wall)
            || !int.TryParse(wall.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        return Math.Clamp(seconds, MinSeconds, MaxSeconds);
    }

    /// <summary>The next dashboard's relative URL (null when the viewer sees only one), with the same period and interval.</summary>
    public static string? Next(string uri, Actor actor)
    {
        var url = new Uri(uri, UriKind.Absolute);
        var visible = Rotation.Where(p => p == "dashboards/revenue" ? DashboardAccess.MaySeeRevenue(actor) : DashboardAccess.MaySeeOperations(actor)).ToList();
        if (visible.Count < 2 || Seconds(uri) is not { } seconds)
        {
            return null;
        }

        var at = visible.FindIndex(p => url.AbsolutePath.TrimEnd('/').EndsWith(p, StringComparison.OrdinalIgnoreCase));
        var query = QueryHelpers.ParseQuery(url.Query);
        var keep = new Dictionary<string, string?> { ["wall"] = seconds.ToString(CultureInfo.InvariantCulture) };
        foreach (var key in Kept.Where(query.ContainsKey))
        {
            keep[key] = query[key].ToString();
        }

        return QueryHelpers.AddQueryString(visible[(at + 1) % visible.Count], keep);
    }
}
