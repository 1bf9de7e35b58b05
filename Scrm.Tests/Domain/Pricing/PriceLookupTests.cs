using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Pricing;
using Xunit;

namespace Scrm.Tests.Domain.Pricing;

/// <summary>Which price applies at a moment (the version in force on its China date), and how a line is rounded.</summary>
public sealed class PriceLookupTests
{
    private static readonly PriceKey InstallInB = new(PricedItemKind.Service, 11, "B", 1);

    [Theory]
    // December's version takes effect at 2026-12-01 00:00 China time, which is 2026-11-30 16:00 UTC.
    [InlineData("2026-11-30T15:59:59Z", 100)]
    [InlineData("2026-11-30T16:00:00Z", 120)]
    [InlineData("2027-03-01T00:00:00Z", 120)]
    public void ThePriceInForce_ChangesAtMidnightChinaTime(string atUtc, int expected)
    {
        var versions = new[] { Published(1, new DateOnly(2026, 11, 1), 100m), Published(2, new DateOnly(2026, 12, 1), 120m) };

        var quote = PriceLookup.Find(versions, InstallInB, DateTime.Parse(atUtc, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.True(quote.Found);
        Assert.Equal((decimal)expected, quote.Entry!.SettlementPrice);
    }

    [Fact]
    public void AMissingPrice_IsMissing_NeverZero()
    {
        var versions = new[] { Published(1, new DateOnly(2026, 11, 1), 100m) };

        var otherTier = PriceLookup.Find(versions, InstallInB with { TierCode = "C" }, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));
        var beforeAnyVersion = PriceLookup.Find(versions, InstallInB, new DateTime(2026, 10, 31, 15, 59, 59, DateTimeKind.Utc));

        Assert.False(otherTier.Found);
        Assert.Equal(1, otherTier.Version!.Number);
        Assert.False(beforeAnyVersion.Found);
        Assert.Null(beforeAnyVersion.Version);
    }

    [Fact]
    public void DraftsAndRejectedVersions_AreNeverInForce()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero));
        var draft = PriceBookVersion.Draft(2, new DateOnly(2026, 11, 1), null, "maker", time);
        draft.SetPrice(InstallInB, 999m, 999m);

        var quote = PriceLookup.Find([Published(1, new DateOnly(2026, 10, 1), 100m), draft], InstallInB, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc));

        Assert.Equal(100m, quote.Entry!.SettlementPrice);
    }

    [Theory]
    [InlineData("33.33", "1.5", "50.00")]   // 49.995 rounds up: half away from zero
    [InlineData("33.33", "-1.5", "-50.00")] // a reversal rounds the same way, negative
    [InlineData("0.01", "0.4", "0.00")]
    [InlineData("0.01", "0.5", "0.01")]
    [InlineData("180.00", "2", "360.00")]
    public void LineAmount_RoundsHalfAwayFromZeroToTheFen(string unitPrice, string quantity, string expected)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;

        var amount = PriceLookup.LineAmount(decimal.Parse(unitPrice, invariant), decimal.Parse(quantity, invariant));

        Assert.Equal(decimal.Parse(expected, invariant), amount);
    }

    private static PriceBookVersion Published(int number, DateOnly effectiveFrom, decimal price)
    {
        // Approved the day before it takes effect (China date), by someone other than the drafter.
        var time = new FakeTimeProvider(new DateTimeOffset(effectiveFrom.ToDateTime(TimeOnly.MinValue).AddDays(-1), TimeSpan.Zero));
        var version = PriceBookVersion.Draft(number, effectiveFrom, null, "maker", time);
        version.SetPrice(InstallInB, price, price * 2);
        version.Approve("checker", [], time);
        return version;
    }
}
