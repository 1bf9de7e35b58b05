using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Regions;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Regions;

/// <summary>
/// Admin upkeep of provinces and cities: names, tiers over time, directors, deleting and merging. Each change to an
/// existing region names the version it was made on.
/// </summary>
public sealed class RegionAdminService(UnitOfWork work, TimeProvider time)
{
    public async Task<RegionTree> GetTreeAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync((db, token) => RegionTreeQuery.LoadAsync(db, ChinaTime.Today(time), token), ct);
    }

    public async Task<long> AddProvinceAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var province = Region.Province(name!);
            await EnsureNameFreeAsync(db, province, "Name", token);
            db.Regions.Add(province);
            await db.SaveChangesOrConflictAsync(token);
            return province.Id;
        }, ct);
    }

    /// <summary>Adds a city with its first tier, in force from the request's date (today when none is given).</summary>
    public async Task<long> AddCityAsync(Actor actor, AddCityRequest request, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var province = await FindAsync(db, request.ProvinceId, "ParentId", token);
            var tier = await FindTierAsync(db, request.TierCode, token);
            var from = request.EffectiveFrom is { } date ? DateOnly.FromDateTime(date) : ChinaTime.Today(time);
            var city = Region.City(province, request.Name!, tier, from);
            await EnsureNameFreeAsync(db, city, "Name", token);
            db.Regions.Add(city);
            await db.SaveChangesOrConflictAsync(token);
            return city.Id;
        }, ct);
    }

    public Task<long> RenameAsync(Actor actor, long id, long version, string? name, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, region, token) =>
        {
            region.Rename(name!);
            await EnsureNameFreeAsync(db, region, "Name", token);
        }, ct);

    public Task<long> MoveAsync(Actor actor, long id, long version, long provinceId, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, region, token) =>
        {
            region.MoveTo(await FindAsync(db, provinceId, "ParentId", token));
            await EnsureNameFreeAsync(db, region, "ParentId", token);
        }, ct);

    /// <summary>From <paramref name="effectiveFrom"/> the city is in tier <paramref name="tierCode"/>; the dates before keep their tier.</summary>
    public Task<long> ChangeTierAsync(Actor actor, long id, long version, string? tierCode, DateOnly effectiveFrom, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, region, token) => region.ChangeTier(await FindTierAsync(db, tierCode, token), effectiveFrom), ct);

    /// <summary>Appoints an active supervisor or admin who works the region (or every region); null clears the director.</summary>
    public Task<long> AppointDirectorAsync(Actor actor, long id, long version, string? userId, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, region, token) =>
        {
            if (!string.IsNullOrWhiteSpace(userId))
            {
                var user = await db.UserProfiles.SingleOrDefaultAsync(u => u.Id == userId, token);
                if (user is not { IsActive: true, Role: Role.Supervisor or Role.Admin })
                {
                    throw new DomainException("DirectorInvalid", "A director is an active supervisor or admin.") { Field = "DirectorId" };
                }

                if (!RegionTreeQuery.MayDirect(user, region))
                {
                    throw new DomainException("DirectorOutOfRegion", $"{user.DisplayName} does not work in {region.Name}: give them the region first.",
                        user.DisplayName, region.Name) { Field = "DirectorId" };
                }
            }

            region.AppointDirector(userId);
        }, ct);

    /// <summary>Retires a region nothing points at; a province must have no cities left.</summary>
    public Task<long> DeleteAsync(Actor actor, long id, long version, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, region, token) =>
        {
            var usage = await UsageAsync(db, region.Id, token);
            if (!usage.IsEmpty)
            {
                throw new DomainException("RegionInUse",
                    $"{region.Name} is still used by {usage.Tickets} tickets, {usage.Customers} customers and {usage.Users} users: merge it into another city instead.",
                    region.Name, usage.Tickets, usage.Customers, usage.Users);
            }

            var cities = await db.Regions.CountAsync(c => c.ParentId == region.Id && !c.IsRetired, token);
            if (cities > 0)
            {
                throw new DomainException("ProvinceHasCities", $"{region.Name} still has {cities} cities: delete or move them first.", region.Name, cities);
            }

            region.Retire();
        }, ct);

    /// <summary>
    /// Moves everything that points at city <paramref name="id"/> (tickets, customers, users' regions) to city
    /// <paramref name="targetId"/> and retires it, in one save. Its tier history stays with it: history is never rewritten.
    /// </summary>
    public async Task<RegionUsage> MergeAsync(Actor actor, long id, long version, long targetId, CancellationToken ct = default)
    {
        RegionUsage moved = new(0, 0, 0);
        await MutateAsync(actor, id, version, async (db, source, token) =>
        {
            var target = await db.Regions.SingleOrDefaultAsync(r => r.Id == targetId && !r.IsRetired, token);
            if (source.IsProvince || target is null || target.IsProvince || target.Id == source.Id)
            {
                throw new DomainException("MergeTargetInvalid", "A city can only be merged into another city.") { Field = "TargetId" };
            }

            var tickets = await db.Tickets.Where(t => t.RegionId == source.Id).ToListAsync(token);
            tickets.ForEach(t => t.MoveToRegion(target.Id, time));
            var customers = await db.Customers.Where(c => c.RegionId == source.Id).ToListAsync(token);
            customers.ForEach(c => c.MoveToRegion(target.Id));
            var users = await db.UserProfiles.Where(u => u.Regions.Any(r => r.RegionId == source.Id)).ToListAsync(token);
            users.ForEach(u => u.AssignRegions(u.Regions.Select(r => r.RegionId == source.Id ? target.Id : r.RegionId).ToList()));
            source.Retire();
            moved = new RegionUsage(tickets.Count, customers.Count, users.Count);
        }, ct);
        return moved;
    }

    /// <summary>Applies one change to the region as the admin saw it at <paramref name="version"/>; returns the new version.</summary>
    private async Task<long> MutateAsync(Actor actor, long id, long version, Func<ScrmDbContext, Region, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var region = await FindAsync(db, id, null, token);
            if (region.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            await change(db, region, token);
            await db.SaveChangesOrConflictAsync(token);
            return region.Version;
        }, ct);
    }

    private static async Task<RegionUsage> UsageAsync(ScrmDbContext db, long regionId, CancellationToken ct) => new(
        await db.Tickets.CountAsync(t => t.RegionId == regionId, ct),
        await db.Customers.CountAsync(c => c.RegionId == regionId, ct),
        await db.UserRegions.CountAsync(r => r.RegionId == regionId, ct));

    private static async Task<Region> FindAsync(ScrmDbContext db, long id, string? field, CancellationToken ct) =>
        await db.Regions.SingleOrDefaultAsync(r => r.Id == id && !r.IsRetired, ct)
            ?? throw new DomainException("RegionGone", "The region no longer exists: another admin deleted or merged it. Reload the page.") { Field = field };

    private static async Task<PriceTier> FindTierAsync(ScrmDbContext db, string? code, CancellationToken ct)
    {
        var normalized = PriceTier.NormalizeCode(code);
        return await db.PriceTiers.SingleOrDefaultAsync(t => t.Code == normalized, ct)
            ?? throw new DomainException("TierNotFound", $"The tier list has no tier {code}: choose one from the list.", code ?? "") { Field = "Tier" };
    }

    /// <summary>Names are unique among the active provinces, and among the active cities of one province.</summary>
    private static async Task EnsureNameFreeAsync(ScrmDbContext db, Region region, string field, CancellationToken ct)
    {
        if (await db.Regions.AnyAsync(r => r.Name == region.Name && r.ParentId == region.ParentId && r.Id != region.Id && !r.IsRetired, ct))
        {
            throw new DomainException("RegionNameTaken", $"There is already a region named {region.Name} here.", region.Name) { Field = field };
        }
    }
}
