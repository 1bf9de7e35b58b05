using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// The revenue dashboard from the money rollups (<see cref="RevenueDayRollup"/>, <see cref="PayeeDayRollup"/>): a few
/// grouped reads of a few hundred rows, never the ledger. Only the drill-down's last level lists settlements.
/// </summary>
public sealed class RevenueDashboardReader(IDbContextFactory<ScrmDbContext> factory) : IRevenueDashboardReader
{
    private const int TopTechnicians = 10;

    /// <summary>A period shorter than this gets a sparkline of the days before it too, so one day still draws a trend.</summary>
    private const int ShortestSparkline = 14;

    public async Task<RevenueDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct)
    {
        Allow(actor);
        await using var db = await factory.CreateDbContextAsync(ct);
        var scope = await DashboardRegions.ResolveAsync(db, actor, regions, ct);
        var sparkFrom = period.To.AddDays(-Math.Max(period.Days, ShortestSparkline) + 1);
        var earliest = new[] { period.Previous.From, sparkFrom }.Min();

        var ids = scope.RegionIds?.ToList();
        var rows = db.RevenueDayRollups.AsNoTracking().Where(r => ids == null || ids.Contains(r.RegionId));
        var daily = (await rows.Where(r => r.Day >= earliest && r.Day <= period.To)
            .GroupBy(r => r.Day)
            .Select(g => new { Day = g.Key, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .ToListAsync(ct)).ToDictionary(d => d.Day, d => Totals(d.Revenue, d.Cost, d.Settled));
        MoneyTotals Sum(DateOnly from, DateOnly to) => Add(daily.Where(d => d.Key >= from && d.Key <= to).Select(d => d.Value));

        var inPeriod = rows.Where(r => r.Day >= period.From && r.Day <= period.To);
        var byRegion = (await inPeriod.GroupBy(r => r.RegionId)
            .Select(g => new { Region = g.Key, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .ToListAsync(ct)).ToDictionary(r => r.Region, r => Totals(r.Revenue, r.Cost, r.Settled));
        var partnerTypes = await db.PartnerTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var byCategory = (await inPeriod.GroupBy(r => new { r.Category, r.PartnerTypeId })
            .Select(g => new { g.Key.Category, g.Key.PartnerTypeId, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .ToListAsync(ct))
            .Select(c => new CategoryRevenue(c.Category, partnerTypes.GetValueOrDefault(c.PartnerTypeId, ""), Totals(c.Revenue, c.Cost, c.Settled)))
            .OrderByDescending(c => c.Totals.Revenue).ThenBy(c => c.Category, StringComparer.Ordinal).ThenBy(c => c.PartnerType, StringComparer.Ordinal)
            .ToList();

        var payees = db.PayeeDayRollups.AsNoTracking().Where(r => (ids == null || ids.Contains(r.RegionId)) && r.Day >= period.From && r.Day <= period.To);
        var top = await payees.GroupBy(r => r.PayeeId)
            .Select(g => new { Payee = g.Key, Revenue = g.Sum(r => r.RevenueFen), Cost = g.Sum(r => r.CostFen), Settled = g.Sum(r => r.Settled) })
            .OrderByDescending(p => p.Revenue).ThenBy(p => p.Payee).Take(TopTechnicians)
            .ToListAsync(ct);
        var topIds = top.Select(p => p.Payee).ToList();
        var names = await db.UserProfiles.AsNoTracking().Where(u => topIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var previous = period.Previous;
        var current = Sum(period.From, period.To);
        var before = Sum(previous.From, previous.To);
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
            [.. scope.Groups.Select(g => new RegionRevenue(g.RegionId, g.Name, g.IsProvince, Add(g.RegionIds.Select(id => byRegion.GetValueOrDefault(id) ?? Zero))))],
            byCategory,
            [.. top.Select(p => new TechnicianRevenue(p.Payee, names.GetValueOrDefault(p.Payee, p.Payee), Totals(p.Revenue, p.Cost, p.Settled)))]);
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

    private static MoneyTotals Totals(long revenueFen, long costFen, long settled) => new(Money.FromFen(revenueFen), Money.FromFen(costFen), (int)settled);

    private static MoneyTotals Add(IEnumerable<MoneyTotals> totals) =>
        totals.Aggregate(Zero, (a, b) => new MoneyTotals(a.Revenue + b.Revenue, a.Cost + b.Cost, a.Settled + b.Settled));
}
