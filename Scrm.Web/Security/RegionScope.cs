using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>
/// Which regions an actor may see: the one answer every ticket, customer and number query asks. A user whose regions
/// are set sees those regions and, for a province, its cities (retired ones too: a ticket in a retired city still
/// belongs there); a central desk user (no regions) sees everything. Technicians and customers are not scoped by region
/// — their rules are the tickets assigned to them and their own tickets — and neither is the system.
/// </summary>
public sealed class RegionScope
{
    private readonly HashSet<long>? _regionIds;

    private RegionScope(HashSet<long>? regionIds) => _regionIds = regionIds;

    /// <summary>No region limit.</summary>
    public static RegionScope All { get; } = new(null);

    public bool IsAll => _regionIds is null;

    /// <summary>The regions (cities and provinces) in scope; empty for <see cref="All"/>, which has no list.</summary>
    public IReadOnlyCollection<long> RegionIds => _regionIds ?? [];

    /// <summary>A scope of exactly these regions (provinces already expanded to their cities).</summary>
    public static RegionScope Of(IEnumerable<long> regionIds) => new([.. regionIds]);

    /// <summary>The actor's scope, read with one query; the regions are read each time, so a change applies at the next call.</summary>
    public static async Task<RegionScope> ForAsync(ScrmDbContext db, Actor actor, CancellationToken ct)
    {
        if (!IsRegional(actor))
        {
            return All;
        }

        var ids = await VisibleRegionIds(db, actor.UserId).Distinct().ToListAsync(ct);
        return ids.Count == 0 ? All : Of(ids);
    }

    /// <summary>Whether the actor's regions limit what they see: staff other than technicians.</summary>
    public static bool IsRegional(Actor actor) =>
        actor.Role is { } role && role is not (Role.Technician or Role.Customer) && !actor.IsSystem;

    /// <summary>
    /// The regions the user's own regions cover, as a subquery (the user's regions and the cities of any province among
    /// them). Empty for a central user. Composed into bigger queries where a separate read would cost a statement.
    /// </summary>
    public static IQueryable<long> VisibleRegionIds(ScrmDbContext db, string userId) =>
        from assigned in db.UserRegions
        where assigned.UserId == userId
        from region in db.Regions
        where region.Id == assigned.RegionId || region.ParentId == assigned.RegionId
        select region.Id;

    /// <summary>Users (of any role) whose scope takes in <paramref name="regionId"/>: central users and those whose regions cover it.</summary>
    public static IQueryable<string> UsersSeeing(ScrmDbContext db, long? regionId) =>
        db.UserProfiles.Where(u => !db.UserRegions.Any(r => r.UserId == u.Id)
            || db.UserRegions.Any(assigned => assigned.UserId == u.Id
                && db.Regions.Any(region => region.Id == regionId && (region.Id == assigned.RegionId || region.ParentId == assigned.RegionId))))
        .Select(u => u.Id);

    /// <summary>Whether something in <paramref name="regionId"/> is in scope; nothing without a region is in a regional scope.</summary>
    public bool Contains(long? regionId) => _regionIds is null || (regionId is { } id && _regionIds.Contains(id));

    /// <summary>The tickets in scope (RegionId IN (…)).</summary>
    public IQueryable<Ticket> Apply(IQueryable<Ticket> tickets)
    {
        if (_regionIds is null)
        {
            return tickets;
        }

        var ids = _regionIds.ToList();
        return tickets.Where(t => t.RegionId != null && ids.Contains(t.RegionId.Value));
    }

    /// <summary>The customers in scope; a customer without a region is the central desk's only.</summary>
    public IQueryable<Customer> Apply(IQueryable<Customer> customers)
    {
        if (_regionIds is null)
        {
            return customers;
        }

        var ids = _regionIds.ToList();
        return customers.Where(c => c.RegionId != null && ids.Contains(c.RegionId.Value));
    }
}
