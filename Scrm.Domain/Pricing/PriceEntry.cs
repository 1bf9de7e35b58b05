using Scrm.Domain.Common;

namespace Scrm.Domain.Pricing;

/// <summary>What a price is for: a service item (服务项目) or a spare part (备件) of the catalogs.</summary>
public enum PricedItemKind
{
    Service,
    Part,
}

/// <summary>The key of a price: an item, a city tier (by its code) and a partner type.</summary>
public readonly record struct PriceKey(PricedItemKind Kind, long ItemId, string TierCode, long PartnerTypeId);

/// <summary>
/// One price of a price book version: what the payee earns (结算价) and what the customer pays (客户价) for one unit of
/// the item, in a city of the tier, done by a partner of the type.
/// </summary>
public sealed class PriceEntry
{
    /// <summary>No real price reaches a million yuan: a bigger one is a typo (an extra zero), refused.</summary>
    public const decimal MaxPrice = 999_999.99m;

    private PriceEntry() { }

    internal PriceEntry(PriceKey key, decimal settlementPrice, decimal customerPrice)
    {
        Kind = key.Kind;
        ItemId = key.ItemId;
        TierCode = Regions.PriceTier.NormalizeCode(key.TierCode)
            ?? throw new DomainException("TierCodeInvalid", "A tier code is 1–10 letters or digits, such as A or B2.") { Field = "TierCode" };
        PartnerTypeId = key.PartnerTypeId;
        SetPrices(settlementPrice, customerPrice);
    }

    public long Id { get; private set; }
    public PricedItemKind Kind { get; private set; }
    public long ItemId { get; private set; }
    public string TierCode { get; private set; } = "";
    public long PartnerTypeId { get; private set; }
    public decimal SettlementPrice { get; private set; }
    public decimal CustomerPrice { get; private set; }

    public PriceKey Key => new(Kind, ItemId, TierCode, PartnerTypeId);

    internal void SetPrices(decimal settlementPrice, decimal customerPrice)
    {
        SettlementPrice = Checked(settlementPrice, nameof(SettlementPrice));
        CustomerPrice = Checked(customerPrice, nameof(CustomerPrice));
    }

    /// <summary>A price is 0 to <see cref="MaxPrice"/> in whole fen: more decimals are refused, never rounded away silently.</summary>
    private static decimal Checked(decimal price, string field)
    {
        if (price < 0 || price > MaxPrice)
        {
            throw new DomainException("PriceOutOfRange", $"A price is between ¥0.00 and {Money.Format(MaxPrice)}.", Money.Format(MaxPrice)) { Field = field };
        }

        if (price != Money.Round(price))
        {
            throw new DomainException("PriceTooPrecise", "A price has at most two decimals (whole fen).") { Field = field };
        }

        return price;
    }
}
