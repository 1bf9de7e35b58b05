using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Pricing;

/// <summary>
/// 价格表: admins draft and edit price changes; an admin or finance other than the drafter approves or rejects them
/// (maker-checker). Admins and finance read every version; nobody else reads any. Each change to a draft names the
/// version it was made on, so a stale edit is refused rather than overwriting a colleague's.
/// </summary>
public sealed class PriceBookService(UnitOfWork work, TimeProvider time)
{
    /// <summary>For <c>[Authorize(Roles = …)]</c>: who may open the price books.</summary>
    public const string ReaderRoles = $"{nameof(Role.Admin)},{nameof(Role.Finance)}";

    private static readonly Role[] Readers = [Role.Admin, Role.Finance];

    public Task<PriceBookOverview> OverviewAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Readers);
        return work.ReadAsync(async (db, token) =>
        {
            var rows = await RowsAsync(db, null, token);
            var waiting = rows.FirstOrDefault(r => r.Row.State == PriceBookState.Draft && r.DraftedById != actor.UserId);
            return new PriceBookOverview(rows.Select(r => r.Row).ToList(), waiting?.Row, actor.Role == Role.Admin);
        }, ct);
    }

    /// <summary>A version with its matrix; null when there is no such version.</summary>
    public Task<PriceBookDetail?> GetAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(Readers);
        return work.ReadAsync(async (db, token) =>
        {
            var row = (await RowsAsync(db, id, token)).SingleOrDefault();
            if (row is null)
            {
                return null;
            }

            var version = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Id == id, token);
            var tiers = await db.PriceTiers.OrderBy(t => t.SortOrder).Select(t => new TierAxis(t.Code, t.Name)).ToListAsync(token);
            var partnerTypes = await db.PartnerTypes.OrderBy(t => t.SortOrder).Select(t => new PartnerTypeAxis(t.Id, t.Name)).ToListAsync(token);
            var priced = version.Entries.Select(e => (e.Kind, e.ItemId)).ToHashSet();
            // Retired items drop out of the matrix unless this version still prices them.
            var items = (await db.ServiceItems.AsNoTracking()
                    .Select(i => new { i.Id, i.Code, i.Name, i.Category, i.Unit, i.IsActive }).ToListAsync(token))
                .Where(i => i.IsActive || priced.Contains((PricedItemKind.Service, i.Id)))
                .OrderBy(i => i.Category, StringComparer.Ordinal).ThenBy(i => i.Code, StringComparer.Ordinal)
                .Select(i => new PricedItemRow(PricedItemKind.Service, i.Id, i.Code, i.Name, i.Category, i.Unit))
                .Concat((await db.SpareParts.AsNoTracking()
                        .Select(p => new { p.Id, p.Code, p.Name, p.Unit, p.IsActive }).ToListAsync(token))
                    .Where(p => p.IsActive || priced.Contains((PricedItemKind.Part, p.Id)))
                    .OrderBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => new PricedItemRow(PricedItemKind.Part, p.Id, p.Code, p.Name, null, p.Unit)))
                .ToList();
            var prices = version.Entries.ToDictionary(e => e.Key, e => new PricePair(e.SettlementPrice, e.CustomerPrice));
            var isDraft = version.State == PriceBookState.Draft;
            return new PriceBookDetail(row.Row, version.Version, version.RejectReason, tiers, partnerTypes, items, prices,
                MayEdit: isDraft && actor.Role == Role.Admin, MayReview: isDraft);
        }, ct);
    }

    /// <summary>
    /// A new draft, starting from the prices in force today, effective the first day of next month (China calendar).
    /// One draft at a time: a second is refused, also when two admins start one at the same moment (the database's
    /// one-draft index decides, and the loser is told the same way).
    /// </summary>
    public Task<long> CreateDraftAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            if (await db.PriceBookVersions.Where(v => v.State == PriceBookState.Draft).Select(v => (int?)v.Number).FirstOrDefaultAsync(token) is { } open)
            {
                throw PriceBookErrors.DraftExists(open);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var published = await db.PriceBookVersions.IgnoreAutoIncludes().Where(v => v.State == PriceBookState.Published).ToListAsync(token);
            var inForce = PriceLookup.InForce(published, now) is { } current
                ? await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Id == current.Id, token)
                : null;
            var number = (await db.PriceBookVersions.MaxAsync(v => (int?)v.Number, token) ?? 0) + 1;
            var today = ChinaTime.Today(time);
            var draft = PriceBookVersion.Draft(number, new DateOnly(today.Year, today.Month, 1).AddMonths(1), inForce, actor.UserId, time);
            db.PriceBookVersions.Add(draft);
            await db.SaveChangesOrConflictAsync(token, () => PriceBookErrors.DraftExists(null));
            return draft.Id;
        }, ct);
    }

    /// <summary>Sets one cell's prices (typed text, parsed here); returns the draft's new version.</summary>
    public Task<long> SetPriceAsync(Actor actor, long id, long version, SetPriceRequest request, CancellationToken ct = default) =>
        EditAsync(actor, id, version, async (db, draft, token) =>
        {
            var settlement = MoneyText.Parse(request.Settlement, nameof(PriceEntry.SettlementPrice));
            var customer = MoneyText.Parse(request.Customer, nameof(PriceEntry.CustomerPrice));
            await EnsureKeyAsync(db, request.Key, token);
            draft.SetPrice(request.Key, settlement, customer);
        }, ct);

    /// <summary>Clears one cell: a ticket needing it would be held once the version is in force.</summary>
    public Task<long> RemovePriceAsync(Actor actor, long id, long version, PriceKey key, CancellationToken ct = default) =>
        EditAsync(actor, id, version, (_, draft, _) =>
        {
            draft.RemovePrice(key);
            return Task.CompletedTask;
        }, ct);

    public Task<long> MoveEffectiveDateAsync(Actor actor, long id, long version, DateOnly? effectiveFrom, CancellationToken ct = default) =>
        EditAsync(actor, id, version, (_, draft, _) =>
        {
            draft.MoveEffectiveDate(effectiveFrom
                ?? throw new DomainException("Required", "EffectiveFrom is required.", nameof(PriceBookVersion.EffectiveFrom)) { Field = nameof(PriceBookVersion.EffectiveFrom) });
            return Task.CompletedTask;
        }, ct);

    /// <summary>Publishes the draft; refused to its drafter (the domain's rule), for a past date, and after a colleague's decision.</summary>
    public Task ApproveAsync(Actor actor, long id, long version, CancellationToken ct = default)
    {
        actor.Require(Readers);
        return work.RunAsync(actor, async (db, token) =>
        {
            var draft = await LoadAsync(db, id, version, token);
            var published = await db.PriceBookVersions.Where(v => v.State == PriceBookState.Published).Select(v => v.EffectiveFrom).ToListAsync(token);
            draft.Approve(actor.UserId, published, time);
            await db.SaveChangesOrConflictAsync(token, () => PriceBookErrors.SameDayPublished(draft.EffectiveFrom));
        }, ct);
    }

    /// <summary>Turns the draft down with a reason for its drafter, who may not reject it themselves (they edit it instead).</summary>
    public Task RejectAsync(Actor actor, long id, long version, string? reason, CancellationToken ct = default)
    {
        actor.Require(Readers);
        return work.RunAsync(actor, async (db, token) =>
        {
            var draft = await LoadAsync(db, id, version, token);
            if (draft.DraftedById == actor.UserId)
            {
                throw new DomainException("RejectOwnDraft", "Whoever drafted a price change cannot reject it: edit the draft, or ask a reviewer.");
            }

            draft.Reject(actor.UserId, reason, time);
            await db.SaveChangesOrConflictAsync(token);
        }, ct);
    }

    /// <summary>Last month's posted settlements re-priced under the draft (read only).</summary>
    public Task<PriceSimulationResult> SimulateAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(Readers);
        return work.ReadAsync(async (db, token) =>
        {
            var draft = await db.PriceBookVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, token) ?? throw PriceBookErrors.NotFound();
            if (draft.State != PriceBookState.Draft)
            {
                throw PriceBookErrors.NotDraft(draft.Number, draft.State);
            }

            return await PriceSimulation.RunAsync(db, draft, PriceSimulation.LastMonth(time), token);
        }, ct);
    }

    private Task<long> EditAsync(Actor actor, long id, long version, Func<ScrmDbContext, PriceBookVersion, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var draft = await LoadAsync(db, id, version, token);
            await change(db, draft, token);
            await db.SaveChangesOrConflictAsync(token);
            return draft.Version;
        }, ct);
    }

    private static async Task<PriceBookVersion> LoadAsync(ScrmDbContext db, long id, long version, CancellationToken ct)
    {
        var draft = await db.PriceBookVersions.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw PriceBookErrors.NotFound();
        return draft.Version == version ? draft : throw new ConcurrencyConflictException();
    }

    private static async Task EnsureKeyAsync(ScrmDbContext db, PriceKey key, CancellationToken ct)
    {
        var itemExists = key.Kind == PricedItemKind.Service
            ? await db.ServiceItems.AnyAsync(i => i.Id == key.ItemId, ct)
            : await db.SpareParts.AnyAsync(p => p.Id == key.ItemId, ct);
        var tier = Domain.Regions.PriceTier.NormalizeCode(key.TierCode);
        if (!itemExists || !await db.PriceTiers.AnyAsync(t => t.Code == tier, ct) || !await db.PartnerTypes.AnyAsync(t => t.Id == key.PartnerTypeId, ct))
        {
            throw new DomainException("PriceKeyUnknown", "That item, tier or partner type no longer exists. Reload the page.");
        }
    }

    private sealed record VersionRow(PriceBookRow Row, string DraftedById);

    private async Task<List<VersionRow>> RowsAsync(ScrmDbContext db, long? id, CancellationToken ct)
    {
        var versions = await db.PriceBookVersions.IgnoreAutoIncludes().AsNoTracking()
            .Where(v => id == null || v.Id == id)
            .OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.State, v.EffectiveFrom, v.DraftedById, v.ReviewedById, Entries = v.Entries.Count })
            .ToListAsync(ct);
        var inForce = EffectiveDates.AsOf(
            await db.PriceBookVersions.Where(v => v.State == PriceBookState.Published).Select(v => new { v.Id, v.EffectiveFrom }).ToListAsync(ct),
            v => v.EffectiveFrom, ChinaTime.Today(time))?.Id;
        var userIds = versions.Select(v => v.DraftedById).Concat(versions.Select(v => v.ReviewedById ?? "")).Distinct().ToArray();
        var names = await db.UserProfiles.DisplayNamesAsync(userIds, ct);
        return versions.Select(v => new VersionRow(
            new PriceBookRow(v.Id, v.Number, v.State, v.EffectiveFrom, names.GetValueOrDefault(v.DraftedById) ?? v.DraftedById,
                v.ReviewedById is null ? null : names.GetValueOrDefault(v.ReviewedById) ?? v.ReviewedById, v.Entries, v.Id == inForce),
            v.DraftedById)).ToList();
    }
}

/// <summary>Refusals of the price book pages.</summary>
internal static class PriceBookErrors
{
    public static DomainException NotFound() => new("PriceBookNotFound", "That price book version does not exist. Pick one from the list.");

    public static DomainException NotDraft(int number, PriceBookState state) =>
        new("PriceBookNotDraft", $"Version {number} is {state.ToString().ToLowerInvariant()}: changes go in a new draft.", number);

    public static DomainException DraftExists(int? number) => number is { } n
        ? new("PriceDraftExists", $"Version {n} is already a draft waiting for approval: edit it, or have it approved or rejected first.", n)
        : new("PriceDraftJustStarted", "Another admin started a draft a moment ago: reload the list and edit theirs.");

    public static DomainException SameDayPublished(DateOnly date) =>
        new("PricePublishedSameDay", $"Another version was just published from {date:yyyy-MM-dd}: move this draft's effective date and approve again.",
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) { Field = nameof(PriceBookVersion.EffectiveFrom) };
}
