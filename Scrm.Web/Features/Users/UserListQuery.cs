using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users;

/// <summary>The users page's list: filtered, sorted and paged in SQL; names of the page's regions, skills and types added after.</summary>
internal static class UserListQuery
{
    public static async Task<PagedUsers> RunAsync(ScrmDbContext db, UserQuery query, TimeProvider time, CancellationToken ct)
    {
        var rows = from p in db.UserProfiles.AsNoTracking()
                   join u in db.Users.AsNoTracking() on p.Id equals u.Id
                   select new { Profile = p, u.NormalizedUserName, u.LockoutEnd, u.LastSignInAt };
        if (query.Search is { Length: > InputLimits.SearchMaxLength })
        {
            return new PagedUsers([], 0); // longer than any name or phone it could match
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // LIKE ignores ASCII case on both databases; the normalized login name also matches full-width typing.
            var pattern = Like.Contains(query.Search);
            var normalized = Like.Contains(UserNames.Normalize(query.Search));
            rows = rows.Where(r => EF.Functions.Like(r.Profile.DisplayName, pattern, Like.Escape)
                || EF.Functions.Like(r.NormalizedUserName!, normalized, Like.Escape)
                || (r.Profile.Phone != null && EF.Functions.Like(r.Profile.Phone, pattern, Like.Escape)));
        }

        if (query.Role is { } role)
        {
            rows = rows.Where(r => r.Profile.Role == role);
        }

        if (query.Active is { } active)
        {
            rows = rows.Where(r => r.Profile.IsActive == active);
        }

        var total = await rows.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (UserSort.UserName, false) => rows.OrderBy(r => r.Profile.UserName),
            (UserSort.UserName, true) => rows.OrderByDescending(r => r.Profile.UserName),
            (UserSort.Role, false) => rows.OrderBy(r => r.Profile.Role),
            (UserSort.Role, true) => rows.OrderByDescending(r => r.Profile.Role),
            (UserSort.IsActive, false) => rows.OrderBy(r => r.Profile.IsActive),
            (UserSort.IsActive, true) => rows.OrderByDescending(r => r.Profile.IsActive),
            (UserSort.LastSignInAt, false) => rows.OrderBy(r => r.LastSignInAt),
            (UserSort.LastSignInAt, true) => rows.OrderByDescending(r => r.LastSignInAt),
            (_, true) => rows.OrderByDescending(r => r.Profile.DisplayName),
            _ => rows.OrderBy(r => r.Profile.DisplayName),
        };
        var size = Math.Clamp(query.PageSize, 1, UserQuery.MaxPageSize);
        var page = await sorted.ThenBy(r => r.Profile.UserName).Skip(Math.Max(query.Page, 0) * size).Take(size).ToListAsync(ct);

        var names = await UserNamesLookup.LoadAsync(db, ct);
        var today = ChinaTime.Today(time);
        var now = time.GetUtcNow();
        var items = page.Select(r => new UserRow(r.Profile.Id, r.Profile.DisplayName, r.Profile.UserName, r.Profile.Role,
            r.Profile.Regions.Select(x => names.Region(x.RegionId)).Order(StringComparer.Ordinal).ToList(),
            r.Profile.PartnerTypeOn(today) is { } type ? names.PartnerType(type) : null,
            r.Profile.Skills.Select(s => names.Skill(s.SkillTagId)).Order(StringComparer.Ordinal).ToList(),
            r.Profile.IsActive, r.LockoutEnd > now, r.LastSignInAt)).ToList();
        return new PagedUsers(items, total);
    }
}

/// <summary>The names of regions ("省 / 市"), skills and partner types: small tables, read whole once per query.</summary>
internal sealed class UserNamesLookup
{
    private readonly Dictionary<long, RegionChoice> _regions;
    private readonly Dictionary<long, string> _skills;
    private readonly Dictionary<long, string> _partnerTypes;

    private UserNamesLookup(Dictionary<long, RegionChoice> regions, Dictionary<long, string> skills, Dictionary<long, string> partnerTypes) =>
        (_regions, _skills, _partnerTypes) = (regions, skills, partnerTypes);

    /// <summary>Regions not retired, provinces each followed by their cities.</summary>
    public IReadOnlyList<RegionChoice> ActiveRegions { get; private init; } = [];

    public IReadOnlyList<Choice> Skills => _skills.Select(s => new Choice(s.Key, s.Value)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public IReadOnlyList<Choice> PartnerTypes { get; private init; } = [];

    public static async Task<UserNamesLookup> LoadAsync(ScrmDbContext db, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Name, r.ParentId, r.IsRetired }).ToListAsync(ct);
        var byId = regions.ToDictionary(r => r.Id);
        var choices = regions.ToDictionary(r => r.Id, r => new RegionChoice(r.Id,
            r.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? $"{p.Name} / {r.Name}" : r.Name, r.ParentId is null));
        var active = regions.Where(r => !r.IsRetired)
            .OrderBy(r => r.ParentId is { } parent ? byId[parent].Name : r.Name, StringComparer.Ordinal)
            .ThenBy(r => r.ParentId is null ? 0 : 1).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => choices[r.Id]).ToList();
        var skills = await db.SkillTags.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var types = await db.PartnerTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => new Choice(t.Id, t.Name)).ToListAsync(ct);
        return new UserNamesLookup(choices, skills, types.ToDictionary(t => t.Id, t => t.Name)) { ActiveRegions = active, PartnerTypes = types };
    }

    public string Region(long id) => _regions.TryGetValue(id, out var r) ? r.Label : $"#{id}";

    public RegionChoice RegionChoice(long id) => _regions.TryGetValue(id, out var r) ? r : new RegionChoice(id, $"#{id}", false);

    public string Skill(long id) => _skills.TryGetValue(id, out var s) ? s : $"#{id}";

    public string PartnerType(long id) => _partnerTypes.TryGetValue(id, out var t) ? t : $"#{id}";
}
