namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>Which tickets the ticket center lists behind a number (its URL filters: status, region, created from/to, sla).</summary>
public enum OperationsTicketSet
{
    /// <summary>Open right now: New, Assigned, InProgress, OnHold.</summary>
    Open,

    /// <summary>Open right now and flagged as SLA breached.</summary>
    OpenBreached,

    /// <summary>Created in the period.</summary>
    CreatedInPeriod,

    /// <summary>Created in the period and flagged as SLA breached.</summary>
    BreachedInPeriod,
}

/// <summary>
/// One KPI of the operations dashboard: its resource key (<c>Ops.Kpi.{Key}</c> names it, <c>.Definition</c> defines it),
/// how its value is shown, where it comes from in a row, and which tickets its link lists. <see cref="LinkNoteKey"/>
/// says what the link lists when that is not exactly the tickets counted (the ticket center cannot express the filter).
/// </summary>
public sealed record OperationsKpi(
    string Key, DashboardColumnKind Kind, Func<OperationsRow, object?> Value, OperationsTicketSet Tickets, string? LinkNoteKey = null);

/// <summary>The KPIs in the order the tiles and the table columns show them.</summary>
public static class OperationsKpis
{
    public static readonly OperationsKpi OpenBacklog = new("OpenBacklog", DashboardColumnKind.Count, r => r.OpenBacklog, OperationsTicketSet.Open);

    public static readonly OperationsKpi New = new("New", DashboardColumnKind.Count, r => r.NewInPeriod, OperationsTicketSet.CreatedInPeriod);

    public static readonly OperationsKpi SlaBreachRate = new("SlaBreachRate", DashboardColumnKind.Rate, r => r.SlaBreachRate,
        OperationsTicketSet.BreachedInPeriod, "Ops.Link.Breached");

    public static readonly OperationsKpi FirstResponse = new("FirstResponse", DashboardColumnKind.Minutes, r => r.AvgFirstResponseMinutes,
        OperationsTicketSet.CreatedInPeriod, "Ops.Link.CreatedSuperset");

    public static readonly OperationsKpi Resolution = new("Resolution", DashboardColumnKind.Minutes, r => r.AvgResolutionMinutes,
        OperationsTicketSet.CreatedInPeriod, "Ops.Link.CreatedSuperset");

    public static readonly OperationsKpi FirstTimeFix = new("FirstTimeFix", DashboardColumnKind.Rate, r => r.FirstTimeFixRate,
        OperationsTicketSet.CreatedInPeriod, "Ops.Link.CreatedSuperset");

    public static readonly OperationsKpi Satisfaction = new("Satisfaction", DashboardColumnKind.Score, r => r.SatisfactionAverage,
        OperationsTicketSet.CreatedInPeriod, "Ops.Link.CreatedSuperset");

    public static readonly OperationsKpi ReopenRate = new("ReopenRate", DashboardColumnKind.Rate, r => r.ReopenRate,
        OperationsTicketSet.CreatedInPeriod, "Ops.Link.CreatedSuperset");

    public static readonly OperationsKpi Overdue = new("Overdue", DashboardColumnKind.Count, r => r.OverdueEscalations, OperationsTicketSet.OpenBreached);

    public static readonly OperationsKpi Utilisation = new("Utilisation", DashboardColumnKind.Rate, r => r.TechnicianUtilisation,
        OperationsTicketSet.Open, "Ops.Link.OpenJobs");

    public static readonly IReadOnlyList<OperationsKpi> All =
        [OpenBacklog, New, SlaBreachRate, FirstResponse, Resolution, FirstTimeFix, Satisfaction, ReopenRate, Overdue, Utilisation];
}
