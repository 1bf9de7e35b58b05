using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>
/// The prices a settlement is priced by (decision 0015): the published price book version in force on the completion's
/// China date; for an item that version has no price for, the earliest later published version that has one — the price
/// the company set to fill the gap (a version cannot be published for a past date). Nothing found is null, never zero.
/// </summary>
public static class PriceSource
{
    /// <summary>
    /// Every price the keys could take on the completion's date, read in one query for the keys not asked for before in
    /// this save: a batch of completions asks once for all its keys, and each completion then finds its own.
    /// </summary>
    public static async Task<Func<PriceKey, PricedEntry?>> ForAsync(ScrmDbContext db, IReadOnlyCollection<PriceKey> keys, DateTime completedAt, CancellationToken ct)
    {
        var date = EffectiveDates.ChinaDate(completedAt);
        var known = await db.SaveCache.GetOrReadAsync(new PricesOn(date), () => Task.FromResult(new Dictionary<PriceKey, PricedEntry?>()));
        var missing = keys.Where(k => !known.ContainsKey(k)).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var (key, price) in await ReadAsync(db, missing, date, ct))
            {
                known[key] = price;
            }

            foreach (var key in missing)
            {
                known.TryAdd(key, null);
            }
        }

        return key => known.GetValueOrDefault(key);
    }

    /// <summary>
    /// The price of each key found: rows are read for every combination of the keys' items, tiers and partner types, so
    /// each key found has all its candidate versions among them, and the earliest on or after the one in force wins.
    /// </summary>
    private static async Task<Dictionary<PriceKey, PricedEntry?>> ReadAsync(ScrmDbContext db, List<PriceKey> keys, DateOnly date, CancellationToken ct)
    {
        var itemIds = keys.Select(k => k.ItemId).Distinct().ToArray();
        var tiers = keys.Select(k => k.TierCode).Distinct().ToArray();
        var partnerTypes = keys.Select(k => k.PartnerTypeId).Distinct().ToArray();
        var published = db.Set<PriceBookVersion>().Where(v => v.State == PriceBookState.Published);
        var inForceFrom = await db.SaveCache.GetOrReadAsync(date, () => published.Where(v => v.EffectiveFrom <= date).MaxAsync(v => (DateOnly?)v.EffectiveFrom, ct));
        var candidates = await published
            .Where(v => inForceFrom == null || v.EffectiveFrom >= inForceFrom)
            .SelectMany(v => v.Entries, (v, e) => new { VersionId = v.Id, v.EffectiveFrom, e.Kind, e.ItemId, e.TierCode, e.PartnerTypeId, e.SettlementPrice, e.CustomerPrice })
            .Where(e => EF.Parameter(itemIds).Contains(e.ItemId) && EF.Parameter(tiers).Contains(e.TierCode) && EF.Parameter(partnerTypes).Contains(e.PartnerTypeId))
            .ToListAsync(ct);
        return candidates
            .GroupBy(c => new PriceKey(c.Kind, c.ItemId, c.TierCode, c.PartnerTypeId))
            .Select(g => (g.Key, Price: g.MinBy(c => c.EffectiveFrom)!))
            .ToDictionary(p => p.Key, p => (PricedEntry?)new PricedEntry(p.Price.VersionId, p.Price.SettlementPrice, p.Price.CustomerPrice));
    }

    private sealed record PricesOn(DateOnly Date);
}
