using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// The revenue dashboard from the money rollups (revenue and payee sums by day and by month): a few grouped reads of a
/// few hundred rows, never the ledger. Only the drill-down's last level lists settlements.
/// </summary>
public sealed class RevenueDashboardReader(IDbContextFactory<ScrmDbContext> factory, DashboardReadCache cache) : IRevenueDashboardReader
{
    private const int TopTechnicians = 10;

    /// <summary>A period shorter than this gets a sparkline of the days before it too, so one day still draws a trend.</summary>
    private const int ShortestSparkline = 14;

    public async Task<RevenueDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct)
    {
        Allow(actor);
        var scope = await DashboardRegions.ResolveAsync(factory, actor, regions, ct);
        // The numbers depend on the regions seen, not on who sees them: viewers with the same scope share a read.
        return await cache.GetOrReadAsync($"{period}|{regions}|{scope.Key}", () => ReadRollupsAsync(period, regions, scope), ct);
    }

    private async Task<RevenueDashboard> ReadRollupsAsync(DashboardPeriod period, RegionFilter regions, DashboardRegions scope)
    {
        var ct = CancellationToken.None;
        await using var db = await factory.CreateDbContextAsync(ct);
        var sparkFrom = period.To.AddDays(-Math.Max(period.Days, ShortestSparkline) + 1);
        var earliest = sparkFrom < period.From ? sparkFrom : period.From;

        var ids = scope.RegionIds?.ToList();
        IQueryable<T> Seen<T>(DbSet<T> rows) where T : class, IMoneyRollup =>
            ids == null ? rows.AsNoTracking() : rows.AsNoTracking().Where(r => ids.Contains(r.RegionId));
        var daily = (await Seen(db.RevenueDayRollups).Where(r => r.Day >= earliest && r.Day <= period.To)
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .ToListAsync(ct)).ToDictionary(d => d.Day, d => Totals(new MoneySums(d.Revenue, d.Cost, d.Settled)));

        // Longer periods read whole months from the month rollups (RollupSpan): a year is 12 rows per key, not 365.
        Task<Dictionary<CubeKey, MoneySums>> CubeAsync(DashboardPeriod p) => RollupSpan.Of(p.From, p.To).SumAsync(
            (from, to) => Seen(db.RevenueDayRollups).Where(r => r.Day >= from && r.Day <= to),
            r => new CubeKey { RegionId = r.RegionId, Category = r.Category, PartnerTypeId = r.PartnerTypeId },
            (from, to) => Seen(db.RevenueMonthRollups).Where(r => r.Month >= from && r.Month <= to),
            r => new CubeKey { RegionId = r.RegionId, Category = r.Category, PartnerTypeId = r.PartnerTypeId },
            ct);
        var cube = await CubeAsync(period);
        var before = Totals(Sum(await CubeAsync(period.Previous), _ => true));
        var current = Totals(Sum(cube, _ => true));
        var partnerTypes = await db.PartnerTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var byCategory = cube.GroupBy(c => (c.Key.Category, c.Key.PartnerTypeId))
            .Select(g => new CategoryRevenue(g.Key.Category, partnerTypes.GetValueOrDefault(g.Key.PartnerTypeId, ""), Totals(Sum(g, _ => true))))
            .Where(c => c.Totals != Zero)
            .OrderByDescending(c => c.Totals.Revenue).ThenBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.PartnerType, StringComparer.Ordinal)
            .ToList();

        var payees = await RollupSpan.Of(period.From, period.To).SumAsync(
            (from, to) => Seen(db.PayeeDayRollups).Where(r => r.Day >= from && r.Day <= to),
            r => r.PayeeId,
            (from, to) => Seen(db.PayeeMonthRollups).Where(r => r.Month >= from && r.Month <= to),
            r => r.PayeeId,
            ct);
        var top = payees.Where(p => !p.Value.IsZero)
            .OrderByDescending(p => p.Value.RevenueFen).ThenBy(p => p.Key, StringComparer.Ordinal).Take(TopTechnicians)
            .ToList();
        var topIds = top.Select(p => p.Key).ToList();
        var names = await db.UserProfiles.DisplayNamesAsync(topIds, ct);

        var sparkDays = Enumerable.Range(0, period.To.DayNumber - sparkFrom.DayNumber + 1).Select(sparkFrom.AddDays).ToList();
        IReadOnlyList<double> Spark(Func<MoneyTotals, decimal> pick) =>
            [.. sparkDays.Select(d => (double)pick(daily.GetValueOrDefault(d) ?? Zero))];

        return new RevenueDashboard(
            period,
            regions,
            new KpiValue(current.Revenue, before.Revenue, Spark(t => t.Revenue)),
            new KpiValue(current.Cost, before.Cost, Spark(t => t.Cost)),
            new KpiValue(current.Margin, before.Margin, Spark(t => t.Margin)),
            new KpiValue(current.Settled, before.Settled, Spark(t => t.Settled)),
            [.. Enumerable.Range(0, period.Days).Select(period.From.AddDays).Select(d => new DayRevenue(d, daily.GetValueOrDefault(d) ?? Zero))],
            [.. scope.Groups.Select(g => new RegionRevenue(g.RegionId, g.Name, g.IsProvince, Totals(Sum(cube, k => g.RegionIds.Contains(k.RegionId)))))],
            byCategory,
            [.. top.Select(p => new TechnicianRevenue(p.Key, names.GetValueOrDefault(p.Key, p.Key), Totals(p.Value)))]);
    }

    public async Task<(IReadOnlyList<SettledTicketRow> Rows, int Total)> SettledTicketsAsync(
        Actor actor, DashboardPeriod period, long cityId, int page, int pageSize, CancellationToken ct)
    {
        Allow(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        await DashboardRegions.ResolveAsync(db, actor, new RegionFilter(null, cityId), ct);
        var (start, end) = (period.UtcStart, period.UtcEnd);
        // One row per settlement booked (or reversed) in the period; amounts are summed in memory for the page shown,
        // because the ledger keeps money as fen behind a converter that SQL sums cannot see through.
        var booked = db.EarningsEntries.AsNoTracking()
            .Where(e => e.PostedAt >= start && e.PostedAt < end && e.Settlement!.RegionId == cityId)
            .Select(e => new { e.SettlementId, e.TicketId, e.PayeeId, e.Kind, e.PostedAt })
            .Distinct();
        var total = await booked.CountAsync(ct);
        var shown = await (from b in booked
                           join t in db.Tickets on b.TicketId equals t.Id
                           join u in db.UserProfiles on b.PayeeId equals u.Id
                           orderby b.PostedAt descending, b.SettlementId descending, b.Kind
                           select new { b.SettlementId, b.TicketId, t.Number, t.Title, u.DisplayName, b.PostedAt, b.Kind })
            .Skip(Math.Max(0, page) * Math.Clamp(pageSize, 1, 500)).Take(Math.Clamp(pageSize, 1, 500))
            .ToListAsync(ct);
        var ids = shown.Select(r => r.SettlementId).Distinct().ToList();
        var amounts = (await db.EarningsEntries.AsNoTracking().Where(e => ids.Contains(e.SettlementId))
                .Select(e => new { e.SettlementId, e.Kind, e.CustomerAmount, e.Amount }).ToListAsync(ct))
            .GroupBy(e => (e.SettlementId, e.Kind))
            .ToDictionary(g => g.Key, g => (Revenue: g.Sum(e => e.CustomerAmount), Cost: g.Sum(e => e.Amount)));
        return (shown.Select(r => new SettledTicketRow(r.TicketId, r.Number, r.Title, r.DisplayName, r.PostedAt,
            new MoneyTotals(amounts[(r.SettlementId, r.Kind)].Revenue, amounts[(r.SettlementId, r.Kind)].Cost, r.Kind == EarningsKind.Earning ? 1 : -1))).ToList(), total);
    }

    private static void Allow(Actor actor)
    {
        if (!DashboardAccess.MaySeeRevenue(actor))
        {
            throw new ForbiddenException("Only supervisors, finance and admins see the revenue dashboard.");
        }
    }

    private static readonly MoneyTotals Zero = new(0, 0, 0);

    private static MoneyTotals Totals(MoneySums sums) => new(Money.FromFen(sums.RevenueFen), Money.FromFen(sums.CostFen), (int)sums.Settled);

    private static MoneySums Sum(IEnumerable<KeyValuePair<CubeKey, MoneySums>> cells, Func<CubeKey, bool> where) =>
        cells.Where(c => where(c.Key)).Aggregate(default(MoneySums), (total, c) => total + c.Value);

    /// <summary>The revenue rollups' grouping: one cell per city × category × partner type.</summary>
    private sealed record CubeKey
    {
        public long RegionId { get; init; }
        public string Category { get; init; } = "";
        public long PartnerTypeId { get; init; }
    }
}
