using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Dashboards;

/// <summary>One row a dashboard shows by region, and the rollup region ids (cities, or 0 for "no region") it sums.</summary>
public sealed record RegionGroup(long RegionId, string Name, bool IsProvince, IReadOnlyCollection<long> RegionIds);

/// <summary>
/// What a region filter means for a viewer: the rollup region ids to sum, and the rows to show — the provinces (a
/// province only when the viewer sees all of its cities; otherwise the cities they see, each on its own), a province's
/// cities, or one city. A region outside the viewer's scope is refused, whether or not it exists, so the URL reveals
/// nothing about regions the viewer may not see.
/// </summary>
public sealed record DashboardRegions(IReadOnlyCollection<long>? RegionIds, IReadOnlyList<RegionGroup> Groups)
{
    /// <summary>The code of the refusal a central viewer gets for a region id that names no region.</summary>
    public const string NotFoundCode = "DashboardRegionNotFound";

    /// <summary>The "no region" key of the rollups: tickets saved without a city. Only the central desk sees it.</summary>
    public const long NoRegion = 0;

    /// <summary>The regions summed, as text: viewers with the same key see the same numbers (<see cref="DashboardReadCache"/>).</summary>
    public string Key => RegionIds is null ? "*" : string.Join(',', RegionIds.Order());

    /// <summary>The same, on a context of its own (the readers' shared reads use another).</summary>
    public static async Task<DashboardRegions> ResolveAsync(IDbContextFactory<ScrmDbContext> factory, Actor actor, RegionFilter filter, CancellationToken ct)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await ResolveAsync(db, actor, filter, ct);
    }

    public static async Task<DashboardRegions> ResolveAsync(ScrmDbContext db, Actor actor, RegionFilter filter, CancellationToken ct)
    {
        var scope = await RegionScope.ForAsync(db, actor, ct);
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Name, r.ParentId }).ToListAsync(ct);
        var cities = regions.Where(r => r.ParentId is not null && scope.Contains(r.Id)).ToList();
        RegionGroup City(long id) => cities.Where(c => c.Id == id).Select(c => new RegionGroup(c.Id, c.Name, false, [c.Id])).Single();

        if (filter.CityId is { } cityId)
        {
            if (!cities.Any(c => c.Id == cityId && (filter.ProvinceId is null || c.ParentId == filter.ProvinceId)))
            {
                throw Refused(scope);
            }

            return new([cityId], [City(cityId)]);
        }

        if (filter.ProvinceId is { } provinceId)
        {
            var inProvince = cities.Where(c => c.ParentId == provinceId).Select(c => c.Id).ToList();
            if (inProvince.Count == 0 || !regions.Any(r => r.Id == provinceId && r.ParentId is null))
            {
                throw Refused(scope);
            }

            return new(inProvince, [.. inProvince.Select(City).OrderBy(g => g.Name, StringComparer.Ordinal)]);
        }

        var groups = new List<RegionGroup>();
        foreach (var province in regions.Where(r => r.ParentId is null).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var all = regions.Where(r => r.ParentId == province.Id).Select(r => r.Id).ToList();
            var seen = cities.Where(c => c.ParentId == province.Id).Select(c => c.Id).ToList();
            if (seen.Count > 0 && seen.Count == all.Count)
            {
                groups.Add(new RegionGroup(province.Id, province.Name, true, seen));
            }
            else
            {
                groups.AddRange(seen.Select(City).OrderBy(g => g.Name, StringComparer.Ordinal));
            }
        }

        return new(scope.IsAll ? null : [.. cities.Select(c => c.Id)], groups);
    }

    // A central viewer may see every region, so a missing one simply does not exist; anyone else is refused alike.
    private static DomainException Refused(RegionScope scope) => scope.IsAll
        ? new DomainException(NotFoundCode, "There is no such region.")
        : new ForbiddenException("This region is not one of yours.");
}
