using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Xunit;

namespace Scrm.Tests.Domain.Pricing;

/// <summary>Price book versions: drafts, maker-checker, effective dates at China midnight, prices that are refused.</summary>
public sealed class PriceBookTests
{
    private const long Franchise = 2;
    private static readonly PriceKey InstallInC = new(PricedItemKind.Service, 11, "C", Franchise);

    // 2026-12-02 10:00 China time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Approve_ByTheDrafter_IsRefused_AndTheDraftStays()
    {
        var draft = DraftWithOnePrice("maker", new DateOnly(2026, 12, 10));

        var ex = Assert.Throws<DomainException>(() => draft.Approve("maker", [], _time));

        Assert.Equal("ApproveOwnDraft", ex.Code);
        Assert.Equal(PriceBookState.Draft, draft.State);
        Assert.Null(draft.ReviewedById);
    }

    [Fact]
    public void Approve_ByASecondPerson_Publishes_AndRecordsWhoAndWhen()
    {
        var draft = DraftWithOnePrice("maker", new DateOnly(2026, 12, 10));

        draft.Approve("checker", [new DateOnly(2026, 11, 1)], _time);

        Assert.Equal(PriceBookState.Published, draft.State);
        Assert.Equal("checker", draft.ReviewedById);
        Assert.Equal(new DateTime(2026, 12, 2, 2, 0, 0, DateTimeKind.Utc), draft.ReviewedAt);
        Assert.IsType<PriceBookPublished>(draft.DomainEvents[^1]);
    }

    [Theory]
    [InlineData("2026-12-20", "EffectiveDateNotAfterLast")] // the same day as a published version: ambiguous
    [InlineData("2026-12-15", "EffectiveDateNotAfterLast")] // before the latest published version
    [InlineData("2026-10-31", "PriceEffectiveInPast")]
    [InlineData("2026-12-01", "PriceEffectiveInPast")] // yesterday in China
    public void Approve_RefusesDatesThatWouldOverlapOrRewriteThePast(string effectiveFrom, string code)
    {
        var draft = DraftWithOnePrice("maker", DateOnly.Parse(effectiveFrom, System.Globalization.CultureInfo.InvariantCulture));

        var ex = Assert.Throws<DomainException>(() => draft.Approve("checker", [new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 20)], _time));

        Assert.Equal(code, ex.Code);
        Assert.Equal(PriceBookState.Draft, draft.State);
    }

    [Fact]
    public void Approve_Today_IsAllowed_WhenNoPublishedVersionStartsToday()
    {
        var draft = DraftWithOnePrice("maker", new DateOnly(2026, 12, 2));

        draft.Approve("checker", [new DateOnly(2026, 11, 1)], _time);

        Assert.Equal(PriceBookState.Published, draft.State);
    }

    [Theory]
    [InlineData("-0.01", "PriceOutOfRange")]
    [InlineData("1000000", "PriceOutOfRange")]
    [InlineData("12.345", "PriceTooPrecise")]
    public void SetPrice_RefusesNegativeAbsurdOrSubFenPrices(string price, string code)
    {
        var draft = PriceBookVersion.Draft(1, new DateOnly(2026, 12, 10), null, "maker", _time);

        var ex = Assert.Throws<DomainException>(() => draft.SetPrice(InstallInC, decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 100m));

        Assert.Equal(code, ex.Code);
        Assert.Empty(draft.Entries);
    }

    [Fact]
    public void SetPrice_OnAPublishedVersion_IsRefused()
    {
        var version = DraftWithOnePrice("maker", new DateOnly(2026, 12, 10));
        version.Approve("checker", [], _time);

        var ex = Assert.Throws<DomainException>(() => version.SetPrice(InstallInC, 1m, 1m));

        Assert.Equal("PriceBookNotDraft", ex.Code);
        Assert.Equal(180m, version.Find(InstallInC)!.SettlementPrice);
    }

    [Fact]
    public void ANewDraft_StartsFromTheVersionInForce_AndDoesNotChangeIt()
    {
        var published = DraftWithOnePrice("maker", new DateOnly(2026, 12, 2));
        published.Approve("checker", [], _time);

        var draft = PriceBookVersion.Draft(2, new DateOnly(2027, 1, 1), published, "maker", _time);
        draft.SetPrice(InstallInC with { TierCode = "c" }, 200m, 300m);

        Assert.Equal((200m, 300m), (draft.Find(InstallInC)!.SettlementPrice, draft.Find(InstallInC)!.CustomerPrice));
        Assert.Equal((180m, 260m), (published.Find(InstallInC)!.SettlementPrice, published.Find(InstallInC)!.CustomerPrice));
        Assert.Single(draft.Entries);
    }

    [Fact]
    public void Reject_NeedsAReason()
    {
        var draft = DraftWithOnePrice("maker", new DateOnly(2026, 12, 10));

        Assert.Equal("Required", Assert.Throws<DomainException>(() => draft.Reject("checker", "  ", _time)).Code);
        draft.Reject("checker", "湖州加盟价偏高", _time);

        Assert.Equal((PriceBookState.Rejected, "湖州加盟价偏高"), (draft.State, draft.RejectReason));
    }

    private PriceBookVersion DraftWithOnePrice(string drafter, DateOnly effectiveFrom)
    {
        var draft = PriceBookVersion.Draft(1, effectiveFrom, null, drafter, _time);
        draft.SetPrice(InstallInC, 180m, 260m);
        return draft;
    }
}
