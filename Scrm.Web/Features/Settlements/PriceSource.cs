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
    /// <summary>Reads, in two queries, every price the keys could take; the keys share one tier and partner type.</summary>
    public static async Task<Func<PriceKey, PricedEntry?>> ForAsync(ScrmDbContext db, IReadOnlyCollection<PriceKey> keys, DateTime completedAt, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return _ => null;
        }

        var date = EffectiveDates.ChinaDate(completedAt);
        var (tier, partnerType) = (keys.First().TierCode, keys.First().PartnerTypeId);
        var itemIds = keys.Select(k => k.ItemId).Distinct().ToArray();
        var published = db.Set<PriceBookVersion>().Where(v => v.State == PriceBookState.Published);
        var inForceFrom = await db.SaveCache.GetOrReadAsync(date, () => published.Where(v => v.EffectiveFrom <= date).MaxAsync(v => (DateOnly?)v.EffectiveFrom, ct));
        var candidates = await published
            .Where(v => inForceFrom == null || v.EffectiveFrom >= inForceFrom)
            .SelectMany(v => v.Entries, (v, e) => new { VersionId = v.Id, v.EffectiveFrom, e.Kind, e.ItemId, e.TierCode, e.PartnerTypeId, e.SettlementPrice, e.CustomerPrice })
            .Where(e => EF.Parameter(itemIds).Contains(e.ItemId) && e.TierCode == tier && e.PartnerTypeId == partnerType)
            .ToListAsync(ct);
        var byKey = candidates
            .GroupBy(c => (c.Kind, c.ItemId))
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.EffectiveFrom).First());
        return key => byKey.TryGetValue((key.Kind, key.ItemId), out var c) && key.TierCode == tier && key.PartnerTypeId == partnerType
            ? new PricedEntry(c.VersionId, c.SettlementPrice, c.CustomerPrice)
            : null;
    }
}
