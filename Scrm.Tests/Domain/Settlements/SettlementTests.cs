using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Xunit;

namespace Scrm.Tests.Domain.Settlements;

/// <summary>Pricing a completion: every line or nothing, holds with every reason, rounding at the line, undoing.</summary>
public sealed class SettlementTests
{
    private static readonly DateTime Completed = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly SettlementTerms InHangzhouAsFranchise = new("tech-1", RegionId: 5, TierCode: "B", PartnerTypeId: 2);
    private static readonly WorkedItem Install = new(PricedItemKind.Service, 11, "S-AC-INST", "空调安装", "台", 1.5m);
    private static readonly WorkedItem Pipe = new(PricedItemKind.Part, 21, "P-CU-PIPE", "铜管", "米", 0.5m);

    private static PricedEntry? Prices(PriceKey key) => key switch
    {
        { Kind: PricedItemKind.Service, ItemId: 11, TierCode: "B", PartnerTypeId: 2 } => new PricedEntry(7, 33.33m, 99.99m),
        { Kind: PricedItemKind.Part, ItemId: 21, TierCode: "B", PartnerTypeId: 2 } => new PricedEntry(7, 0.01m, 0.03m),
        _ => null,
    };

    [Fact]
    public void EverythingPriced_PostsOneLinePerItem_RoundedHalfAwayFromZeroAtTheLine()
    {
        var settlement = Settlement.Open(ticketId: 100, round: 1, Completed);

        settlement.Price(InHangzhouAsFranchise, [Install, Pipe], Prices, Completed.AddSeconds(1));

        Assert.Equal(SettlementState.Posted, settlement.State);
        Assert.Collection(settlement.Lines,
            l =>
            {
                Assert.Equal((1, "空调安装", 1.5m, 7L), (l.Number, l.ItemName, l.Quantity, l.PriceBookVersionId));
                Assert.Equal(50.00m, l.Amount); // 33.33 × 1.5 = 49.995
                Assert.Equal(149.99m, l.CustomerAmount); // 99.99 × 1.5 = 149.985
            },
            l =>
            {
                Assert.Equal(0.01m, l.Amount); // 0.01 × 0.5 = 0.005
                Assert.Equal(0.02m, l.CustomerAmount); // 0.03 × 0.5 = 0.015
            });
        Assert.Equal(50.01m, settlement.Total);
        Assert.Empty(settlement.Holds);
        Assert.IsType<SettlementPosted>(Assert.Single(settlement.DomainEvents));
    }

    [Fact]
    public void AMissingPrice_HoldsTheWholeSettlement_NamingTheItem_AndNothingIsPricedAtZero()
    {
        var settlement = Settlement.Open(100, 1, Completed);
        var inTierC = InHangzhouAsFranchise with { TierCode = "C" };

        settlement.Price(inTierC, [Install], Prices, Completed);

        Assert.Equal(SettlementState.Held, settlement.State);
        Assert.Empty(settlement.Lines);
        Assert.Equal(new SettlementHold(HoldReason.NoPrice, PricedItemKind.Service, 11, "空调安装"), Assert.Single(settlement.Holds));
        Assert.IsType<SettlementHeld>(Assert.Single(settlement.DomainEvents));
    }

    [Fact]
    public void AHeldSettlement_PostsOnceThePriceExists()
    {
        var settlement = Settlement.Open(100, 1, Completed);
        settlement.Price(InHangzhouAsFranchise, [Install], _ => null, Completed);
        settlement.TakeDomainEvents();

        settlement.Price(InHangzhouAsFranchise, [Install], Prices, Completed.AddDays(3));

        Assert.Equal(SettlementState.Posted, settlement.State);
        Assert.Equal(50.00m, settlement.Total);
        Assert.Equal(Completed.AddDays(3), settlement.PostedAt);
        Assert.IsType<SettlementPosted>(Assert.Single(settlement.DomainEvents));
    }

    [Fact]
    public void PricingAgainWithTheSameReasons_RaisesNothingNew()
    {
        var settlement = Settlement.Open(100, 1, Completed);
        settlement.Price(InHangzhouAsFranchise, [Install], _ => null, Completed);
        settlement.TakeDomainEvents();

        settlement.Price(InHangzhouAsFranchise, [Install], _ => null, Completed.AddHours(1));

        Assert.Empty(settlement.DomainEvents);
    }

    [Fact]
    public void NoPayee_NoCity_AndNoWork_AreEachNamed()
    {
        var nobody = new SettlementTerms(PayeeId: null, RegionId: null, TierCode: null, PartnerTypeId: null);
        var settlement = Settlement.Open(100, 1, Completed);

        settlement.Price(nobody, [], Prices, Completed);

        Assert.Equal([HoldReason.NoPayee, HoldReason.NoCity, HoldReason.NoWork], settlement.Holds.Select(h => h.Reason));
    }

    [Fact]
    public void APayeeWithoutPartnerType_AndACityWithoutTier_AreEachNamed()
    {
        var settlement = Settlement.Open(100, 1, Completed);

        settlement.Price(new SettlementTerms("tech-1", 5, TierCode: null, PartnerTypeId: null), [Install], Prices, Completed);

        Assert.Equal([HoldReason.NoPartnerType, HoldReason.NoTier], settlement.Holds.Select(h => h.Reason));
    }

    [Fact]
    public void APostedSettlement_CannotBePricedAgain()
    {
        var settlement = Posted();

        var refused = Assert.Throws<DomainException>(() => settlement.Price(InHangzhouAsFranchise, [Install], Prices, Completed));

        Assert.Equal("SettlementNotHeld", refused.Code);
        Assert.Single(settlement.Lines);
    }

    [Fact]
    public void ReversingAPostedSettlement_KeepsItsLines_AndRaisesTheReversal()
    {
        var settlement = Posted();

        settlement.Reverse(ReversalKind.Refunded, "客户投诉退款", "finance-1", Completed.AddDays(2));

        Assert.Equal(SettlementState.Reversed, settlement.State);
        Assert.Equal((ReversalKind.Refunded, "客户投诉退款", "finance-1"), (settlement.ReversalKind!.Value, settlement.ReversalNote, settlement.ReversedById));
        Assert.Single(settlement.Lines);
        Assert.IsType<SettlementReversed>(Assert.Single(settlement.DomainEvents));
    }

    [Fact]
    public void ReversingAHeldSettlement_WithdrawsIt_WithoutLedgerReversal()
    {
        var settlement = Settlement.Open(100, 1, Completed);
        settlement.Price(InHangzhouAsFranchise, [Install], _ => null, Completed);
        settlement.TakeDomainEvents();

        settlement.Reverse(ReversalKind.Reopened, null, "agent-1", Completed.AddHours(1));

        Assert.Equal(SettlementState.Withdrawn, settlement.State);
        Assert.IsType<SettlementWithdrawn>(Assert.Single(settlement.DomainEvents));
    }

    [Fact]
    public void ReversingTwice_IsRefused()
    {
        var settlement = Posted();
        settlement.Reverse(ReversalKind.Cancelled, null, "agent-1", Completed.AddHours(1));

        var refused = Assert.Throws<DomainException>(() => settlement.Reverse(ReversalKind.Refunded, null, "finance-1", Completed.AddHours(2)));

        Assert.Equal("SettlementAlreadyReversed", refused.Code);
        Assert.Equal(ReversalKind.Cancelled, settlement.ReversalKind);
    }

    private static Settlement Posted()
    {
        var settlement = Settlement.Open(100, 1, Completed);
        settlement.Price(InHangzhouAsFranchise, [Install], Prices, Completed);
        settlement.TakeDomainEvents();
        return settlement;
    }
}
