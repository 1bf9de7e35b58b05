using Microsoft.Extensions.Localization;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>The per-region table as the page shows it and the export writes it: one row per region, then the total row.</summary>
public static class OperationsTable
{
    public static DashboardTable Build(OperationsDashboard dashboard, IStringLocalizer l)
    {
        var columns = new List<DashboardColumn> { new(l["Ops.Region"], DashboardColumnKind.Text) };
        columns.AddRange(OperationsKpis.All.Select(k => new DashboardColumn(Header(k, dashboard.Period, l), k.Kind)));
        var rows = dashboard.ByRegion.Select(r => Row(r.Name, r))
            .Append(Row(l["Ops.Total"], dashboard.Total))
            .ToList();
        return new DashboardTable(l["Ops.Table.ByRegion"], columns, rows);
    }

    /// <summary>A KPI's name; "new" says 今日新建 for today and 期间新建 for any longer period.</summary>
    public static string Header(OperationsKpi kpi, DashboardPeriod period, IStringLocalizer l) =>
        kpi == OperationsKpis.New && period.Preset == PeriodPreset.Today ? l["Ops.Kpi.New.Today"] : l[$"Ops.Kpi.{kpi.Key}"];

    public static string Definition(OperationsKpi kpi, IStringLocalizer l) => l[$"Ops.Kpi.{kpi.Key}.Definition"];

    /// <summary>What a click on the KPI's number lists.</summary>
    public static string LinkNote(OperationsKpi kpi, IStringLocalizer l) => l[kpi.LinkNoteKey ?? "Ops.Link.Exact"];

    private static IReadOnlyList<object?> Row(string name, OperationsRow row) =>
        [name, .. OperationsKpis.All.Select(k => k.Value(row))];
}
