using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Xunit;

namespace Scrm.Tests.Domain.Settlements;

/// <summary>Ledger entries from settlements, the month they count in, and statements.</summary>
public sealed class LedgerTests
{
    private static readonly DateTime Completed = new(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    // 2026-12-01 00:00 in China is 2026-11-30 16:00 UTC.
    [InlineData("2026-11-30T15:59:59Z", "2026-11-01")]
    [InlineData("2026-11-30T16:00:00Z", "2026-12-01")]
    [InlineData("2026-12-31T16:00:00Z", "2027-01-01")]
    public void AnEntryCountsInItsChinaMonth(string postedAt, string month)
    {
        Assert.Equal(DateOnly.Parse(month, System.Globalization.CultureInfo.InvariantCulture), LedgerMonth.ForPosting(Utc(postedAt), []));
    }

    [Fact]
    public void AnEntryForAConfirmedMonth_LandsInTheFirstMonthAfterThatIsNotConfirmed()
    {
        var confirmed = new[] { new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1) };

        Assert.Equal(new DateOnly(2027, 1, 1), LedgerMonth.ForPosting(Utc("2026-11-30T10:00:00Z"), confirmed));
    }

    [Fact]
    public void EarningsAreOnePerLine_AndAReversalTakesEachBackNegative()
    {
        var settlement = Posted(("空调安装", 1m, 150.00m), ("铜管", 2.5m, 12.34m));

        var earned = EarningsEntry.For(settlement, EarningsKind.Earning, new DateOnly(2026, 11, 1), Completed).ToList();
        var reversed = EarningsEntry.For(settlement, EarningsKind.Reversal, new DateOnly(2026, 12, 1), Completed.AddDays(15)).ToList();

        Assert.Equal([150.00m, 30.85m], earned.Select(e => e.Amount)); // 12.34 × 2.5 = 30.85
        Assert.Equal([-150.00m, -30.85m], reversed.Select(e => e.Amount));
        Assert.Equal([-1m, -2.5m], reversed.Select(e => e.Quantity));
        Assert.All(earned, e => Assert.Equal(("tech-1", 100L, false), (e.PayeeId, e.TicketId, e.IsAdjustment)));
        Assert.All(reversed, e => Assert.True(e.IsAdjustment)); // December entry for November's work
    }

    [Fact]
    public void AReversalOfANegativeHalfFen_RoundsAwayFromZero()
    {
        var settlement = Posted(("滤网", 0.5m, 0.01m));

        var reversal = Assert.Single(EarningsEntry.For(settlement, EarningsKind.Reversal, new DateOnly(2026, 11, 1), Completed));

        Assert.Equal(-0.01m, reversal.Amount);
    }

    [Fact]
    public void AMonthIsConfirmedOnlyOnceItHasEnded()
    {
        var refused = Assert.Throws<DomainException>(() =>
            Statement.Confirm("tech-1", new DateOnly(2026, 11, 1), 100m, 2, "finance-1", Utc("2026-11-30T15:59:59Z")));
        var confirmed = Statement.Confirm("tech-1", new DateOnly(2026, 11, 1), 100m, 2, "finance-1", Utc("2026-11-30T16:00:00Z"));

        Assert.Equal("StatementMonthOpen", refused.Code);
        Assert.Equal(StatementState.Confirmed, confirmed.State);
        Assert.IsType<StatementConfirmed>(Assert.Single(confirmed.DomainEvents));
    }

    [Fact]
    public void OnlyAConfirmedStatementIsPaid_AndOnlyOnce()
    {
        var statement = Statement.Confirm("tech-1", new DateOnly(2026, 10, 1), 100m, 2, "finance-1", Completed);
        statement.MarkPaid("finance-2", Completed.AddDays(1));

        var again = Assert.Throws<DomainException>(() => statement.MarkPaid("finance-2", Completed.AddDays(2)));

        Assert.Equal(StatementState.Paid, statement.State);
        Assert.Equal(Completed.AddDays(1), statement.PaidAt);
        Assert.Equal("StatementNotConfirmed", again.Code);
    }

    private static Settlement Posted(params (string Name, decimal Quantity, decimal UnitPrice)[] lines)
    {
        var settlement = Settlement.Open(100, 1, Completed);
        var work = lines.Select((l, i) => new WorkedItem(PricedItemKind.Service, i + 1, $"S{i + 1}", l.Name, "个", l.Quantity)).ToList();
        settlement.Price(new SettlementTerms("tech-1", 5, "B", 2), work,
            key => new PricedEntry(1, lines[(int)key.ItemId - 1].UnitPrice, lines[(int)key.ItemId - 1].UnitPrice * 2), Completed);
        return settlement;
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
}
