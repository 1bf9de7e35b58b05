using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Regions;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Regions;

/// <summary>One entry of a reference list; <see cref="Code"/> only for tiers. <see cref="Uses"/> counts what refers to it.</summary>
public sealed record ReferenceRow(long Id, string? Code, string Name, long Version, int Uses);

public sealed record ReferenceLists(IReadOnlyList<ReferenceRow> Tiers, IReadOnlyList<ReferenceRow> PartnerTypes, IReadOnlyList<ReferenceRow> SkillTags);

/// <summary>
/// The lists people and places are described with: the tier list (城市档位), partner types (合作类型) and skill tags
/// (技能标签). Entries are added and renamed, never deleted: prices, histories and people refer to them.
/// </summary>
public sealed class ReferenceDataService(UnitOfWork work)
{
    public async Task<ReferenceLists> GetAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync(async (db, token) => new ReferenceLists(
            await db.PriceTiers.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
                .Select(t => new ReferenceRow(t.Id, t.Code, t.Name, t.Version, db.CityTierChanges.Count(c => c.TierCode == t.Code))).ToListAsync(token),
            await db.PartnerTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Id)
                .Select(t => new ReferenceRow(t.Id, null, t.Name, t.Version, db.PartnerTypeChanges.Count(c => c.PartnerTypeId == t.Id))).ToListAsync(token),
            await db.SkillTags.AsNoTracking().OrderBy(t => t.Name)
                .Select(t => new ReferenceRow(t.Id, null, t.Name, t.Version, db.UserSkills.Count(s => s.SkillTagId == t.Id))).ToListAsync(token)), ct);
    }

    /// <summary>Adds a tier at the end of the list. Its code is fixed from now on: price books and conditions name it.</summary>
    public async Task<long> AddTierAsync(Actor actor, string? code, string? name, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var next = await db.PriceTiers.Select(t => (int?)t.SortOrder).MaxAsync(token) ?? 0;
            var tier = new PriceTier(code!, name!, next + 1);
            if (await db.PriceTiers.AnyAsync(t => t.Code == tier.Code, token))
            {
                throw TierCodeTaken(tier.Code);
            }

            db.PriceTiers.Add(tier);
            await db.SaveChangesOrConflictAsync(token, () => TierCodeTaken(tier.Code)); // another admin may have just added it
            return tier.Id;
        }, ct);
    }

    public Task<long> RenameTierAsync(Actor actor, long id, long version, string? name, CancellationToken ct = default) =>
        RenameAsync(actor, db => db.PriceTiers, id, version, t => t.Rename(name!), null, null, ct);

    public async Task<long> AddPartnerTypeAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var next = await db.PartnerTypes.Select(t => (int?)t.SortOrder).MaxAsync(token) ?? 0;
            var type = new PartnerType(name!, next + 1);
            await EnsureFreeAsync(db.PartnerTypes.AnyAsync(t => t.Name == type.Name, token), () => PartnerTypeNameTaken(type.Name));
            db.PartnerTypes.Add(type);
            await db.SaveChangesOrConflictAsync(token, () => PartnerTypeNameTaken(type.Name));
            return type.Id;
        }, ct);
    }

    public Task<long> RenamePartnerTypeAsync(Actor actor, long id, long version, string? name, CancellationToken ct = default) =>
        RenameAsync(actor, db => db.PartnerTypes, id, version, t => t.Rename(name!),
            (db, t, token) => db.PartnerTypes.AnyAsync(o => o.Name == t.Name && o.Id != t.Id, token), t => PartnerTypeNameTaken(t.Name), ct);

    public async Task<long> AddSkillTagAsync(Actor actor, string? name, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var tag = new SkillTag(name!);
            await EnsureFreeAsync(db.SkillTags.AnyAsync(t => t.Name == tag.Name, token), () => SkillTagNameTaken(tag.Name));
            db.SkillTags.Add(tag);
            await db.SaveChangesOrConflictAsync(token, () => SkillTagNameTaken(tag.Name));
            return tag.Id;
        }, ct);
    }

    public Task<long> RenameSkillTagAsync(Actor actor, long id, long version, string? name, CancellationToken ct = default) =>
        RenameAsync(actor, db => db.SkillTags, id, version, t => t.Rename(name!),
            (db, t, token) => db.SkillTags.AnyAsync(o => o.Name == t.Name && o.Id != t.Id, token), t => SkillTagNameTaken(t.Name), ct);

    /// <summary>
    /// Renames one entry as the admin saw it at <paramref name="version"/>; returns the new version. A name another entry
    /// has (<paramref name="taken"/>) is refused with <paramref name="duplicate"/>, also when the unique index catches it.
    /// </summary>
    private async Task<long> RenameAsync<T>(Actor actor, Func<ScrmDbContext, DbSet<T>> set, long id, long version, Action<T> rename,
        Func<ScrmDbContext, T, CancellationToken, Task<bool>>? taken, Func<T, DomainException>? duplicate, CancellationToken ct)
        where T : AggregateRoot
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var entry = await set(db).SingleOrDefaultAsync(e => EF.Property<long>(e, "Id") == id, token)
                ?? throw new DomainException("ReferenceEntryGone", "This entry no longer exists. Reload the page.");
            if (entry.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            rename(entry);
            if (taken is not null && duplicate is not null && await taken(db, entry, token))
            {
                throw duplicate(entry);
            }

            await db.SaveChangesOrConflictAsync(token, duplicate is null ? null : () => duplicate(entry));
            return entry.Version;
        }, ct);
    }

    private static async Task EnsureFreeAsync(Task<bool> taken, Func<DomainException> duplicate)
    {
        if (await taken)
        {
            throw duplicate();
        }
    }

    private static DomainException TierCodeTaken(string code) =>
        new("TierCodeTaken", $"The tier list already has a tier {code}.", code) { Field = "Code" };

    private static DomainException PartnerTypeNameTaken(string name) =>
        new("PartnerTypeNameTaken", $"There is already a partner type named {name}.", name) { Field = "Name" };

    private static DomainException SkillTagNameTaken(string name) =>
        new("SkillTagNameTaken", $"There is already a skill tag named {name}.", name) { Field = "Name" };
}
