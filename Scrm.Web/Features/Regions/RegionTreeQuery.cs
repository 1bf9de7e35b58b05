using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Regions;
using Scrm.Domain.Users;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Regions;

/// <summary>Reads the province → city tree with what the admin needs beside each region.</summary>
internal static class RegionTreeQuery
{
    public static async Task<RegionTree> LoadAsync(ScrmDbContext db, DateOnly today, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => !r.IsRetired).ToListAsync(ct);
        var tickets = await CountsAsync(db.Tickets.Where(t => t.RegionId != null).GroupBy(t => t.RegionId!.Value), ct);
        var customers = await CountsAsync(db.Customers.Where(c => c.RegionId != null).GroupBy(c => c.RegionId!.Value), ct);
        var users = await CountsAsync(db.UserRegions.GroupBy(r => r.RegionId), ct);

        // Supervisors and admins are a handful of people: load them once and match their regions in memory.
        var staff = await db.UserProfiles.AsNoTracking()
            .Where(u => u.IsActive && (u.Role == Role.Supervisor || u.Role == Role.Admin))
            .OrderBy(u => u.DisplayName).AsSplitQuery().ToListAsync(ct);
        var directorIds = regions.Where(r => r.DirectorId is not null).Select(r => r.DirectorId!).Distinct().ToList();
        var names = await db.UserProfiles.DisplayNamesAsync(directorIds, ct);
        var tiers = await db.PriceTiers.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .Select(t => new Option<string>(t.Code, t.Name)).ToListAsync(ct);

        RegionNode Node(Region region, Region? province, IReadOnlyList<RegionNode> cities) => new(
            region.Id, region.Name, region.ParentId, province?.Name, region.Version, region.TierOn(today),
            [.. region.TierHistory.OrderByDescending(c => c.EffectiveFrom).Select(c => new TierHistoryRow(c.TierCode, c.EffectiveFrom))],
            region.DirectorId, region.DirectorId is null ? null : names.GetValueOrDefault(region.DirectorId, region.DirectorId),
            [.. staff.Where(u => u.Role == Role.Supervisor && u.Regions.Count > 0 && u.WorksIn(region)).Select(ToOption)],
            [.. staff.Where(u => MayDirect(u, region)).Select(ToOption)],
            new RegionUsage(tickets.GetValueOrDefault(region.Id), customers.GetValueOrDefault(region.Id), users.GetValueOrDefault(region.Id)),
            cities);

        var provinces = regions.Where(r => r.IsProvince).OrderBy(r => r.Name, ChineseOrder)
            .Select(p => Node(p, null, [.. regions.Where(c => c.ParentId == p.Id).OrderBy(c => c.Name, ChineseOrder).Select(c => Node(c, p, []))]))
            .ToList();
        return new RegionTree(provinces, tiers, today);
    }

    // Pinyin order (杭州, 湖州, 宁波), as people look names up; code-point order would scatter them.
    private static readonly StringComparer ChineseOrder = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false);

    /// <summary>A director is an active supervisor or admin who works the region (central, or one of their regions includes it).</summary>
    public static bool MayDirect(UserProfile user, Region region) =>
        user.IsActive && user.Role is Role.Supervisor or Role.Admin && user.WorksIn(region);

    private static Option<string> ToOption(UserProfile user) => new(user.Id, user.DisplayName);

    private static Task<Dictionary<long, int>> CountsAsync<T>(IQueryable<IGrouping<long, T>> groups, CancellationToken ct) =>
        groups.Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
}
