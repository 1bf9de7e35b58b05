using Scrm.Domain.Pricing;

namespace Scrm.Web.Features.Pricing;

/// <summary>A price book version in the list.</summary>
public sealed record PriceBookRow(long Id, int Number, PriceBookState State, DateOnly EffectiveFrom, string DraftedBy, string? ReviewedBy,
    int EntryCount, bool InForce);

/// <summary>/admin/prices: every version, newest first, and the draft waiting for the reader's approval, if any.</summary>
public sealed record PriceBookOverview(IReadOnlyList<PriceBookRow> Versions, PriceBookRow? AwaitingYourApproval, bool MayDraft);

/// <summary>A city tier of the reference data: a group of the matrix's columns.</summary>
public sealed record TierAxis(string Code, string Name);

/// <summary>A partner type of the reference data: a column within each tier.</summary>
public sealed record PartnerTypeAxis(long Id, string Name);

/// <summary>One column of the matrix: a tier × a partner type.</summary>
public sealed record PriceColumn(string TierCode, long PartnerTypeId);

/// <summary>A row of the matrix: a service item or a spare part.</summary>
public sealed record PricedItemRow(PricedItemKind Kind, long ItemId, string Code, string Name, string? Category, string Unit);

/// <summary>The two prices of a cell.</summary>
public sealed record PricePair(decimal Settlement, decimal Customer);

/// <summary>A version with everything its matrix shows, and what the reader may do with it.</summary>
public sealed record PriceBookDetail(
    PriceBookRow Summary,
    long Version,
    string? RejectReason,
    IReadOnlyList<TierAxis> Tiers,
    IReadOnlyList<PartnerTypeAxis> PartnerTypes,
    IReadOnlyList<PricedItemRow> Items,
    IReadOnlyDictionary<PriceKey, PricePair> Prices,
    bool MayEdit,
    bool MayReview)
{
    public IEnumerable<PriceColumn> Columns =>
        Tiers.SelectMany(t => PartnerTypes.Select(p => new PriceColumn(t.Code, p.Id)));

    public static PriceKey KeyOf(PricedItemRow item, PriceColumn column) => new(item.Kind, item.ItemId, column.TierCode, column.PartnerTypeId);

    /// <summary>Cells with no price: a ticket needing one of them would be held.</summary>
    public int MissingCount => Items.Sum(i => Columns.Count(c => !Prices.ContainsKey(KeyOf(i, c))));
}

/// <summary>A cell's prices as typed ("120", "¥1,200.00"): parsed and checked on the server.</summary>
public sealed record SetPriceRequest(PriceKey Key, string? Settlement, string? Customer);

/// <summary>What an admin typed into a cell's two inputs.</summary>
public sealed class PriceCellInput
{
    public string? Settlement { get; set; }
    public string? Customer { get; set; }
}
