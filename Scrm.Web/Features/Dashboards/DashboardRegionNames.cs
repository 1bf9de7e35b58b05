using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards;

/// <summary>Where a drill-down stands: a province, and maybe one of its cities, with the names its breadcrumb shows.</summary>
public sealed record DashboardRegionPath(long? ProvinceId, string? ProvinceName, long? CityId, string? CityName)
{
    public static readonly DashboardRegionPath All = new(null, null, null, null);

    public RegionFilter Filter => new(ProvinceId, CityId);
}

/// <summary>
/// Names the regions a dashboard URL asks for, so the page can show 全部 › 浙江 › 杭州 and say "not found" for ids that
/// are no province or city (or a city of another province). Whether the viewer may see them is the reader's question.
/// </summary>
public sealed class DashboardRegionNames(IDbContextFactory<ScrmDbContext> dbFactory)
{
    /// <summary>The path for the ids in the URL (a city alone finds its province); null when they name no such place.</summary>
    public async Task<DashboardRegionPath?> FindAsync(Actor actor, long? provinceId, long? cityId, CancellationToken ct = default)
    {
        if (!DashboardAccess.MaySeeRevenue(actor) && !DashboardAccess.MaySeeOperations(actor))
        {
            throw new ForbiddenException();
        }

        if (provinceId is null && cityId is null)
        {
            return DashboardRegionPath.All;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var city = cityId is null ? null : await db.Regions.AsNoTracking().Where(r => r.Id == cityId && r.ParentId != null)
            .Select(r => new { r.Name, r.ParentId }).SingleOrDefaultAsync(ct);
        if (cityId is not null && (city is null || (provinceId is not null && city.ParentId != provinceId)))
        {
            return null;
        }

        var provinceKey = provinceId ?? city!.ParentId;
        var province = await db.Regions.AsNoTracking().Where(r => r.Id == provinceKey && r.ParentId == null)
            .Select(r => r.Name).SingleOrDefaultAsync(ct);
        return province is null ? null : new DashboardRegionPath(provinceKey, province, cityId, city?.Name);
    }
}
