using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Shared;

public sealed record Option<TKey>(TKey Id, string Name);

/// <summary>A city to pick, with the tier code in force today (null before its first tier).</summary>
public sealed record CityOption(long Id, string Name, string ProvinceName, string? Tier)
{
    public string Display => $"{ProvinceName} / {Name}";
}

public sealed record CustomerOption(long Id, string Name, string? Phone, CustomerLevel Level, long? RegionId)
{
    public override string ToString() => Phone is null ? Name : $"{Name} ({Phone})";
}

/// <summary>
/// Small read-only lists for pickers: regions, people, templates, customers. Each asks who is asking: people and
/// customers (with their phones) are for the desk only.
/// </summary>
public sealed class LookupService(IDbContextFactory<ScrmDbContext> dbFactory, TimeProvider time)
{
    /// <summary>The cities in service (never retired ones) the actor may pick: their regions' cities, or all for the central desk.</summary>
    public async Task<IReadOnlyList<CityOption>> CitiesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.StaffRoles);
        var today = ChinaTime.Today(time);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var scope = await RegionScope.ForAsync(db, actor, ct);

        // The regions in service are a short list: read once with their tier histories, so the domain answers "the tier today".
        var regions = await db.Regions.AsNoTracking().Where(r => !r.IsRetired).ToListAsync(ct);
        var provinces = regions.Where(r => r.IsProvince).ToDictionary(r => r.Id, r => r.Name);
        return regions.Where(c => c.ParentId is { } parent && provinces.ContainsKey(parent) && scope.Contains(c.Id))
            .Select(c => new CityOption(c.Id, c.Name, provinces[c.ParentId!.Value], c.TierOn(today)))
            .OrderBy(c => c.ProvinceName, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The company's tier list (A, B, C…) in its order.</summary>
    public async Task<IReadOnlyList<Option<string>>> TiersAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.StaffRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.PriceTiers.OrderBy(t => t.SortOrder).ThenBy(t => t.Code).Select(t => new Option<string>(t.Code, t.Name)).ToListAsync(ct);
    }

    /// <summary>Active users holding one of <paramref name="roles"/>, by name.</summary>
    public async Task<IReadOnlyList<Option<string>>> PeopleAsync(Actor actor, IReadOnlyCollection<Role> roles, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.UserProfiles.Where(u => u.IsActive && roles.Contains(u.Role))
            .OrderBy(u => u.DisplayName).Select(u => new Option<string>(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Option<long>>> TemplatesAsync(Actor actor, bool activeOnly, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketTemplates.Where(t => !activeOnly || t.IsActive)
            .OrderBy(t => t.Name).Select(t => new Option<long>(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>Customers in the actor's regions whose name or phone contains <paramref name="term"/>; at most 20.</summary>
    public async Task<IReadOnlyList<CustomerOption>> SearchCustomersAsync(Actor actor, string? term, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        if (term is { Length: > InputLimits.SearchMaxLength })
        {
            // Longer than any name or phone it could match (the browser caps the box).
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = (await RegionScope.ForAsync(db, actor, ct)).Apply(db.Customers);

        if (!string.IsNullOrWhiteSpace(term))
        {
            var pattern = Like.Contains(term);
            query = query.Where(c => EF.Functions.Like(c.Name, pattern, Like.Escape) || (c.Phone != null && EF.Functions.Like(c.Phone, pattern, Like.Escape)));
        }

        return await query.OrderBy(c => c.Name).Take(20).Select(c => new CustomerOption(c.Id, c.Name, c.Phone, c.Level, c.RegionId)).ToListAsync(ct);
    }

    /// <summary>The customer, when it exists and is in the actor's regions; null otherwise, alike.</summary>
    public async Task<CustomerOption?> FindCustomerAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (await RegionScope.ForAsync(db, actor, ct)).Apply(db.Customers).Where(c => c.Id == id).Select(c => new CustomerOption(c.Id, c.Name, c.Phone, c.Level, c.RegionId)).SingleOrDefaultAsync(ct);
    }
}

/// <summary>LIKE patterns that treat the user's text literally on SQLite and SQL Server.</summary>
public static class Like
{
    public const string Escape = "\\";

    public static string Contains(string term) => "%" + Literal(term.Trim()) + "%";

    public static string StartsWith(string term) => Literal(term.Trim()) + "%";

    private static string Literal(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal)
        .Replace("_", "\\_", StringComparison.Ordinal)
        .Replace("[", "\\[", StringComparison.Ordinal);
}
