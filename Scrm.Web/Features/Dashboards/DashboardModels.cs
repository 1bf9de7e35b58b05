using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards;

/// <summary>A KPI card's number: its value, the same number for the previous period, and one point per day for the sparkline.</summary>
public sealed record KpiValue(decimal Value, decimal? Previous, IReadOnlyList<double> Sparkline)
{
    /// <summary>The change against the previous period as a fraction (0.12 = +12 %), or null when there is nothing to compare with.</summary>
    public decimal? Change => Previous is { } p && p != 0 ? (Value - p) / Math.Abs(p) : null;
}

/// <summary>
/// Which part of the map a dashboard shows: every region the viewer may see, one province (its cities), or one city.
/// A region the viewer may not see is refused, never silently widened or narrowed.
/// </summary>
public sealed record RegionFilter(long? ProvinceId, long? CityId)
{
    public static readonly RegionFilter All = new(null, null);
}

/// <summary>Revenue (客户金额), cost (结算金额, what the payees earn) and net settled tickets; margin = revenue − cost.</summary>
public sealed record MoneyTotals(decimal Revenue, decimal Cost, int Settled)
{
    public decimal Margin => Revenue - Cost;
}

public sealed record DayRevenue(DateOnly Day, MoneyTotals Totals);

/// <summary>One bar of "by region": a province at the top level, a city inside a province (the drill-down).</summary>
public sealed record RegionRevenue(long RegionId, string Name, bool IsProvince, MoneyTotals Totals);

/// <summary>A service category (parts: <see cref="RevenueDashboard.PartsCategory"/>) × partner type cell.</summary>
public sealed record CategoryRevenue(string Category, string PartnerType, MoneyTotals Totals);

public sealed record TechnicianRevenue(string UserId, string Name, MoneyTotals Totals);

/// <summary>Everything the revenue dashboard shows for a period and region filter, read from the rollups.</summary>
public sealed record RevenueDashboard(
    DashboardPeriod Period,
    RegionFilter Regions,
    KpiValue Revenue,
    KpiValue Cost,
    KpiValue Margin,
    KpiValue Settled,
    IReadOnlyList<DayRevenue> Daily,
    IReadOnlyList<RegionRevenue> ByRegion,
    IReadOnlyList<CategoryRevenue> ByCategory,
    IReadOnlyList<TechnicianRevenue> TopTechnicians)
{
    /// <summary>The category key of spare-part lines (shown as 备件 / Parts).</summary>
    public const string PartsCategory = "#parts";
}

/// <summary>A settled ticket behind a city's number (the last level of the drill-down), newest first.</summary>
public sealed record SettledTicketRow(long TicketId, string Number, string Title, string? PayeeName, DateTime BookedAt, MoneyTotals Totals);

public interface IRevenueDashboardReader
{
    /// <exception cref="Security.ForbiddenException">The viewer may not see revenue, or not the region asked for.</exception>
    Task<RevenueDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct);

    /// <summary>The settled tickets of a city in the period (posted or reversed in it), a page at a time.</summary>
    Task<(IReadOnlyList<SettledTicketRow> Rows, int Total)> SettledTicketsAsync(
        Actor actor, DashboardPeriod period, long cityId, int page, int pageSize, CancellationToken ct);
}

/// <summary>
/// The operations KPIs of one region (or of all the viewer's regions, <see cref="RegionId"/> null). Times in minutes;
/// rates as fractions; null where the period has nothing to measure (no finished ticket, no rating).
/// </summary>
public sealed record OperationsRow(
    long? RegionId,
    string Name,
    int OpenBacklog,
    int NewInPeriod,
    decimal? SlaBreachRate,
    decimal? AvgFirstResponseMinutes,
    decimal? AvgResolutionMinutes,
    decimal? FirstTimeFixRate,
    decimal? SatisfactionAverage,
    decimal? ReopenRate,
    int OverdueEscalations,
    decimal? TechnicianUtilisation);

/// <summary>The operations dashboard: a total row, a row per region (provinces, or a province's cities), parts to restock.</summary>
public sealed record OperationsDashboard(
    DashboardPeriod Period,
    RegionFilter Regions,
    OperationsRow Total,
    IReadOnlyList<OperationsRow> ByRegion,
    int PartsBelowThreshold);

public interface IOperationsDashboardReader
{
    /// <exception cref="Security.ForbiddenException">The viewer may not see operations, or not the region asked for.</exception>
    Task<OperationsDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct);
}
