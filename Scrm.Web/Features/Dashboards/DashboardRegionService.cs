using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards;

/// <summary>Where a drill-down stands: a province, and maybe one of its cities, with the names its breadcrumb shows.</summary>
public sealed record DashboardRegionPath(long? ProvinceId, string? ProvinceName, long? CityId, string? CityName)
{
    public static readonly DashboardRegionPath All = new(null, null, null, null);

    public RegionFilter Filter => new(ProvinceId, CityId);
}

/// <summary>
/// The dashboards' region names: the provinces a region picker offers, and the 全部 › 浙江 › 杭州 path a URL's ids name.
/// Names only — whether the viewer may see a region's numbers is the reader's question.
/// </summary>
public sealed class DashboardRegionService(IDbContextFactory<ScrmDbContext> dbFactory)
{
    /// <summary>The provinces the viewer's scope takes in whole (every one for a central user), by name.</summary>
    public async Task<IReadOnlyList<Option<long>>> ProvincesAsync(Actor actor, CancellationToken ct = default)
    {
        RequireDashboardViewer(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RegionScope.ForAsync(db, actor, ct);
        var provinces = await db.Regions.AsNoTracking().Where(r => r.ParentId == null && !r.IsRetired)
            .Select(r => new Option<long>(r.Id, r.Name)).ToListAsync(ct);
        return provinces.Where(p => scope.Contains(p.Id)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The path for the ids in the URL (a city alone finds its province); null when they name no such place (or a city
    /// of another province), so the page can say "not found". A viewer limited to some regions is refused instead, as
    /// for a region out of their scope: the URL must not tell them which ids exist elsewhere.
    /// </summary>
    public async Task<DashboardRegionPath?> FindAsync(Actor actor, long? provinceId, long? cityId, CancellationToken ct = default)
    {
        RequireDashboardViewer(actor);
        if (provinceId is null && cityId is null)
        {
            return DashboardRegionPath.All;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = cityId is null ? null : await db.Regions.AsNoTracking().Where(r => r.Id == cityId && r.ParentId != null)
            .Select(r => new { r.Name, r.ParentId }).SingleOrDefaultAsync(ct);
        var cityFits = cityId is null || (city is not null && (provinceId is null || city.ParentId == provinceId));
        var provinceKey = provinceId ?? city?.ParentId;
        var province = !cityFits ? null : await db.Regions.AsNoTracking()
            .Where(r => r.Id == provinceKey && r.ParentId == null).Select(r => r.Name).SingleOrDefaultAsync(ct);
        if (province is not null)
        {
            return new DashboardRegionPath(provinceKey, province, cityId, city?.Name);
        }

        return (await RegionScope.ForAsync(db, actor, ct)).IsAll ? null : throw new ForbiddenException();
    }

    private static void RequireDashboardViewer(Actor actor)
    {
        if (!DashboardAccess.MaySeeRevenue(actor) && !DashboardAccess.MaySeeOperations(actor))
        {
            throw new ForbiddenException();
        }
    }
}
