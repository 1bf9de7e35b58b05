using Scrm.Domain.Common;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Security;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>A stand-in for the lead's rollup reader: returns what a test set, refuses or does not know the provinces a test names, counts calls.</summary>
public sealed class FakeOperationsReader : IOperationsDashboardReader
{
    public Func<DashboardPeriod, RegionFilter, OperationsDashboard> Answer { get; set; } = (period, regions) => Sample(period, regions);

    public HashSet<long> Refused { get; } = [];

    /// <summary>Province ids that name no region: refused as the real reader refuses them for a central viewer.</summary>
    public HashSet<long> Missing { get; } = [];

    public List<(DashboardPeriod Period, RegionFilter Regions)> Calls { get; } = [];

    public Task<OperationsDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct)
    {
        Calls.Add((period, regions));
        if (regions.ProvinceId is { } province && Refused.Contains(province))
        {
            throw new ForbiddenException();
        }

        if (regions.ProvinceId is { } unknown && Missing.Contains(unknown))
        {
            throw new DomainException(DashboardRegions.NotFoundCode, "There is no such region.");
        }

        return Task.FromResult(Answer(period, regions));
    }

    /// <summary>Two provinces at the top level; inside province 3, two cities.</summary>
    public static OperationsDashboard Sample(DashboardPeriod period, RegionFilter regions) => regions.ProvinceId is 3
        ? new(period, regions,
            Row(3, "浙江省", open: 20, breach: 0.25m, firstResponse: 95m),
            [Row(31, "杭州市", open: 12, breach: 0.2m, firstResponse: 50m), Row(32, "宁波市", open: 8, breach: null, firstResponse: null)],
            PartsBelowThreshold: 7)
        : new(period, regions,
            Row(null, "全部", open: 1234, breach: 0.125m, firstResponse: 200m),
            [Row(3, "浙江省", open: 20, breach: 0.25m, firstResponse: 95m), Row(4, "江苏省", open: 1214, breach: 0.1m, firstResponse: 45m)],
            PartsBelowThreshold: 7);

    private static OperationsRow Row(long? id, string name, int open, decimal? breach, decimal? firstResponse) =>
        new(id, name, open, NewInPeriod: 40, breach, firstResponse, AvgResolutionMinutes: 1500m, FirstTimeFixRate: null,
            SatisfactionAverage: 4.56m, ReopenRate: 0.05m, OverdueEscalations: 3, TechnicianUtilisation: 0.75m);
}
