using Scrm.Domain.Common;

namespace Scrm.Domain.Pricing;

/// <summary>A price found, with the version it came from; or null entry and the version in force (if any) when none is set.</summary>
public sealed record PriceQuote(PriceKey Key, PriceBookVersion? Version, PriceEntry? Entry)
{
    public bool Found => Entry is not null;
}

/// <summary>
/// The price of a key at a moment: from the published version in force on that moment's China date. A missing price is
/// reported as missing (the settlement waits for it), never read as zero.
/// </summary>
public static class PriceLookup
{
    public static PriceQuote Find(IEnumerable<PriceBookVersion> versions, PriceKey key, DateTime atUtc)
    {
        var inForce = InForce(versions, atUtc);
        return new PriceQuote(key, inForce, inForce?.Find(key));
    }

    /// <summary>The published version in force at <paramref name="atUtc"/>, or null before the first one.</summary>
    public static PriceBookVersion? InForce(IEnumerable<PriceBookVersion> versions, DateTime atUtc) =>
        EffectiveDates.AsOf(versions.Where(v => v.State == PriceBookState.Published), v => v.EffectiveFrom, EffectiveDates.ChinaDate(atUtc));

    /// <summary>A line's amount: unit price × quantity, rounded half away from zero to the fen (a reversal rounds the same way, negative).</summary>
    public static decimal LineAmount(decimal unitPrice, decimal quantity) => Money.Round(unitPrice * quantity);
}
