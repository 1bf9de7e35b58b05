using Microsoft.Extensions.Localization;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>The node table of the dwell-time dashboard: what the page shows and its .xlsx export contains.</summary>
public static class DwellTable
{
    public static DashboardTable Build(DwellView view, IStringLocalizer<SharedResource> l) => new(
        l["Dwell.Table.Title"],
        [
            new(l["Dwell.Column.Node"], DashboardColumnKind.Text),
            new(l["Dwell.Column.Kind"], DashboardColumnKind.Text),
            new(l["Dwell.Column.Count"], DashboardColumnKind.Count),
            new(l["Dwell.Column.Median"], DashboardColumnKind.Minutes),
            new(l["Dwell.Column.P90"], DashboardColumnKind.Minutes),
            new(l["Dwell.Column.Open"], DashboardColumnKind.Count),
        ],
        [.. view.Nodes.Select(n => (IReadOnlyList<object?>)
        [
            n.Name, l[$"NodeKind.{n.Kind}"].Value, n.Count, Round(n.MedianMinutes), Round(n.P90Minutes), n.Open,
        ])]);

    /// <summary>The export's file name: "节点耗时-安装流程 v3-2026-11-01至2026-11-30.xlsx".</summary>
    public static string FileName(DwellView view, IStringLocalizer<SharedResource> l) =>
        DashboardWorkbook.FileName(l["Dwell.Title"], $"{view.Version.TemplateName} v{view.Version.Number}", view.Period);

    // Minutes to one decimal: seconds matter for quick nodes, more digits are noise.
    private static double? Round(double? minutes) => minutes is { } m ? Math.Round(m, 1, MidpointRounding.AwayFromZero) : null;
}
