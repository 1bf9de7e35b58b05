using Scrm.Domain.Pricing;

namespace Scrm.Domain.Settlements;

/// <summary>
/// One priced line of a settlement: an item, its quantity, the unit prices of the price book version that priced it and
/// the amounts (unit price × quantity, rounded half away from zero to the fen). Names are kept as they were, so a
/// statement reads the same after the catalog changes.
/// </summary>
public sealed class SettlementLine
{
    private SettlementLine() { }

    internal SettlementLine(int number, WorkedItem item, PricedEntry price)
    {
        Number = number;
        Kind = item.Kind;
        ItemId = item.ItemId;
        ItemCode = item.Code;
        ItemName = item.Name;
        ItemCategory = item.Category;
        Unit = item.Unit;
        Quantity = item.Quantity;
        PriceBookVersionId = price.VersionId;
        UnitPrice = price.SettlementPrice;
        UnitCustomerPrice = price.CustomerPrice;
        Amount = PriceLookup.LineAmount(price.SettlementPrice, item.Quantity);
        CustomerAmount = PriceLookup.LineAmount(price.CustomerPrice, item.Quantity);
    }

    public long Id { get; private set; }

    /// <summary>1, 2, 3… within the settlement: with the settlement id, the ledger's idempotency key.</summary>
    public int Number { get; private set; }

    public PricedItemKind Kind { get; private set; }
    public long ItemId { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";

    /// <summary>The service item's category (空调, 冰箱…) as it was; empty for a spare part. Revenue rollups group by it.</summary>
    public string ItemCategory { get; private set; } = "";
    public string Unit { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public long PriceBookVersionId { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal UnitCustomerPrice { get; private set; }

    /// <summary>What the payee earns for the line (结算金额).</summary>
    public decimal Amount { get; private set; }

    /// <summary>What the customer is charged for the line (客户金额): revenue.</summary>
    public decimal CustomerAmount { get; private set; }
}

/// <summary>An item recorded on the ticket, with its quantities summed: what a settlement line prices.</summary>
public sealed record WorkedItem(PricedItemKind Kind, long ItemId, string Code, string Name, string Unit, decimal Quantity, string Category = "");

/// <summary>A price found for a key, and the published version it came from.</summary>
public sealed record PricedEntry(long VersionId, decimal SettlementPrice, decimal CustomerPrice);
