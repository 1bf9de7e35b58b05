using Scrm.Domain.Common;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Security;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>A revenue reader that returns what the test sets, or refuses like the real one, and records what it was asked.</summary>
public sealed class FakeRevenueReader : IRevenueDashboardReader
{
    public Func<DashboardPeriod, RegionFilter, RevenueDashboard> Dashboard { get; set; } = (period, regions) => Empty(period, regions);

    public IReadOnlyList<SettledTicketRow> Tickets { get; set; } = [];

    /// <summary>Refuses every read, as the real reader does for a region the viewer may not see.</summary>
    public bool Refuse { get; set; }

    public List<RegionFilter> Asked { get; } = [];

    public (long CityId, int Page, int PageSize)? TicketsAsked { get; private set; }

    public Task<RevenueDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct)
    {
        Asked.Add(regions);
        return Refuse ? throw new ForbiddenException() : Task.FromResult(Dashboard(period, regions));
    }

    public Task<(IReadOnlyList<SettledTicketRow> Rows, int Total)> SettledTicketsAsync(
        Actor actor, DashboardPeriod period, long cityId, int page, int pageSize, CancellationToken ct)
    {
        TicketsAsked = (cityId, page, pageSize);
        return Refuse
            ? throw new ForbiddenException()
            : Task.FromResult<(IReadOnlyList<SettledTicketRow>, int)>(([.. Tickets.Skip((page - 1) * pageSize).Take(pageSize)], Tickets.Count));
    }

    public static RevenueDashboard Empty(DashboardPeriod period, RegionFilter regions)
    {
        var none = new KpiValue(0m, null, [0, 0]);
        return new(period, regions, none, none, none, none, [], [], [], []);
    }

    /// <summary>A month with money in it: the regions given, two categories, two technicians.</summary>
    public static RevenueDashboard With(DashboardPeriod period, RegionFilter regions, params RegionRevenue[] byRegion) => new(
        period, regions,
        new KpiValue(12345.6m, 11000m, [100, 300, 200]),
        new KpiValue(8000m, 7000m, [60, 200, 120]),
        new KpiValue(4345.6m, 4000m, [40, 100, 80]),
        new KpiValue(42m, null, [10, 20, 12]),
        [new(period.From, new MoneyTotals(12345.6m, 8000m, 42))],
        byRegion,
        [new("空调安装", "自营", new MoneyTotals(10000m, 6000m, 30)), new(RevenueDashboard.PartsCategory, "加盟", new MoneyTotals(2345.6m, 2000m, 12))],
        [new("u2", "孙伟", new MoneyTotals(5000m, 3000m, 20)), new("u4", "郑海", new MoneyTotals(4000m, 2500m, 15))]);
}
