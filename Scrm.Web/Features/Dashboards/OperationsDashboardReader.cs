using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Features.Catalog;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// The operations KPIs from the ticket rollups (<see cref="TicketDayRollup"/>: tickets by the day they were created, as
/// they stand now) and the assignees' open loads: period numbers are of the tickets created in the period; backlog,
/// overdue and utilisation are "right now".
/// </summary>
public sealed class OperationsDashboardReader(IDbContextFactory<ScrmDbContext> factory, IStringLocalizer<SharedResource> localizer, DashboardReadCache cache)
    : IOperationsDashboardReader
{
    public async Task<OperationsDashboard> ReadAsync(Actor actor, DashboardPeriod period, RegionFilter regions, CancellationToken ct)
    {
        if (!DashboardAccess.MaySeeOperations(actor))
        {
            throw new ForbiddenException("Only supervisors and admins see the operations dashboard.");
        }

        var scope = await DashboardRegions.ResolveAsync(factory, actor, regions, ct);
        // The numbers depend on the regions seen (and names on the language), not on who sees them: viewers share a read.
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        return await cache.GetOrReadAsync($"{period}|{regions}|{culture}|{scope.Key}", () => ReadRollupsAsync(period, regions, scope), ct);
    }

    // Runs with the culture of the viewer who started it (it flows into the shared read), the one its key names.
    private async Task<OperationsDashboard> ReadRollupsAsync(DashboardPeriod period, RegionFilter regions, DashboardRegions scope)
    {
        var ct = CancellationToken.None;
        await using var db = await factory.CreateDbContextAsync(ct);
        var ids = scope.RegionIds?.ToList();
        var rollups = db.TicketDayRollups.AsNoTracking().Where(r => ids == null || ids.Contains(r.RegionId));
        var cohort = (await rollups.Where(r => r.Day >= period.From && r.Day <= period.To)
            .GroupBy(r => r.RegionId)
            .Select(g => new Cohort(g.Key, g.Sum(r => r.Created), g.Sum(r => r.SlaBreached), g.Sum(r => r.Responded), g.Sum(r => r.FirstResponseMinutes),
                g.Sum(r => r.Resolutions), g.Sum(r => r.ResolutionMinutes), g.Sum(r => r.Finished), g.Sum(r => r.FirstTimeFixes),
                g.Sum(r => r.EverResolved), g.Sum(r => r.Reopened), g.Sum(r => r.Ratings), g.Sum(r => r.RatingSum)))
            .ToListAsync(ct)).ToDictionary(c => c.RegionId);
        var now = (await rollups.GroupBy(r => r.RegionId)
            .Select(g => new { Region = g.Key, Open = g.Sum(r => r.Open), Overdue = g.Sum(r => r.OpenBreached) })
            .ToListAsync(ct)).ToDictionary(n => n.Region);
        var technicians = await TechniciansAsync(db, ct);

        var groups = scope.Groups.ToList();
        if (regions == RegionFilter.All && scope.RegionIds is null && now.ContainsKey(DashboardRegions.NoRegion))
        {
            groups.Add(new RegionGroup(DashboardRegions.NoRegion, localizer["Dashboard.NoRegion"], false, [DashboardRegions.NoRegion]));
        }

        OperationsRow Row(long? regionId, string name, IReadOnlyCollection<long> cities)
        {
            var c = cities.Select(id => cohort.GetValueOrDefault(id) ?? Cohort.Empty(id)).Aggregate(Cohort.Empty(0), Cohort.Add);
            var open = cities.Sum(id => now.GetValueOrDefault(id)?.Open ?? 0);
            var overdue = cities.Sum(id => now.GetValueOrDefault(id)?.Overdue ?? 0);
            var covered = technicians.Where(t => t.Cities.Overlaps(cities)).ToList();
            return new OperationsRow(regionId, name, (int)open, (int)c.Created,
                Ratio(c.SlaBreached, c.Created),
                Ratio(c.FirstResponseMinutes, c.Responded),
                Ratio(c.ResolutionMinutes, c.Resolutions),
                Ratio(c.FirstTimeFixes, c.Finished),
                Ratio(c.RatingSum, c.Ratings),
                Ratio(c.Reopened, c.EverResolved),
                (int)overdue,
                Ratio(covered.Count(t => t.OpenTickets > 0), covered.Count));
        }

        var rows = groups.Select(g => Row(g.RegionId, g.Name, g.RegionIds)).ToList();
        var everything = groups.SelectMany(g => g.RegionIds).Distinct().ToList();
        var total = Row(null, localizer["Dashboard.Total"], everything);
        var parts = await CatalogListQuery.LowStockAsync(db, 0, ct);
        return new OperationsDashboard(period, regions, total, rows, parts.Total);
    }

    /// <summary>Active technicians, the cities they cover (a province covers its cities) and their open tickets now.</summary>
    private static async Task<List<Technician>> TechniciansAsync(ScrmDbContext db, CancellationToken ct)
    {
        var covered = await (from u in db.UserProfiles.AsNoTracking()
                             where u.Role == Role.Technician && u.IsActive
                             join assigned in db.UserRegions on u.Id equals assigned.UserId
                             from region in db.Regions
                             where region.Id == assigned.RegionId || region.ParentId == assigned.RegionId
                             select new { u.Id, City = region.Id }).ToListAsync(ct);
        var loads = await db.AssigneeLoads.AsNoTracking().ToDictionaryAsync(l => l.UserId, l => l.OpenTickets, ct);
        return [.. covered.GroupBy(c => c.Id).Select(g => new Technician(g.Key, [.. g.Select(c => c.City)], loads.GetValueOrDefault(g.Key)))];
    }

    private static decimal? Ratio(long part, long whole) => whole == 0 ? null : (decimal)part / whole;

    private sealed record Technician(string Id, HashSet<long> Cities, long OpenTickets);

    private sealed record Cohort(long RegionId, long Created, long SlaBreached, long Responded, long FirstResponseMinutes, long Resolutions,
        long ResolutionMinutes, long Finished, long FirstTimeFixes, long EverResolved, long Reopened, long Ratings, long RatingSum)
    {
        public static Cohort Empty(long regionId) => new(regionId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static Cohort Add(Cohort a, Cohort b) => new(a.RegionId, a.Created + b.Created, a.SlaBreached + b.SlaBreached, a.Responded + b.Responded,
            a.FirstResponseMinutes + b.FirstResponseMinutes, a.Resolutions + b.Resolutions, a.ResolutionMinutes + b.ResolutionMinutes,
            a.Finished + b.Finished, a.FirstTimeFixes + b.FirstTimeFixes, a.EverResolved + b.EverResolved, a.Reopened + b.Reopened,
            a.Ratings + b.Ratings, a.RatingSum + b.RatingSum);
    }
}
