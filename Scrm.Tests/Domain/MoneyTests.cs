using System.Globalization;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0.125", "0.13")] // banker's rounding would give 0.12
    [InlineData("-0.125", "-0.13")]
    [InlineData("2.345", "2.35")]
    [InlineData("2.344", "2.34")]
    [InlineData("0.005", "0.01")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("2.5", "2.5")]
    [InlineData("1234.5", "1234.50")]
    public void Round_RoundsHalfAwayFromZero(string amount, string expected)
    {
        Assert.Equal(Dec(expected), Money.Round(Dec(amount)));
    }

    [Theory]
    [InlineData("12.34", 1234)]
    [InlineData("1234.5", 123450)]
    [InlineData("0.125", 13)]
    [InlineData("0.005", 1)]
    [InlineData("-0.005", -1)]
    [InlineData("-12.34", -1234)]
    [InlineData("0", 0)]
    public void ToFen_RoundsThenCountsFen(string yuan, long fen)
    {
        Assert.Equal(fen, Money.ToFen(Dec(yuan)));
    }

    [Theory]
    [InlineData(123450, "1234.5")]
    [InlineData(1, "0.01")]
    [InlineData(-99, "-0.99")]
    public void FromFen_GivesYuan(long fen, string yuan)
    {
        Assert.Equal(Dec(yuan), Money.FromFen(fen));
    }

    [Theory]
    [InlineData("1234.5", "¥1,234.50")]
    [InlineData("0", "¥0.00")]
    [InlineData("0.125", "¥0.13")]
    [InlineData("1234567.891", "¥1,234,567.89")]
    [InlineData("999.995", "¥1,000.00")]
    [InlineData("-80", "-¥80.00")]
    [InlineData("-1234.565", "-¥1,234.57")]
    [InlineData("-0.004", "¥0.00")]
    public void Format_ShowsYuanSignThousandsAndTwoDecimals(string yuan, string expected)
    {
        Assert.Equal(expected, Money.Format(Dec(yuan)));
    }

    [Fact]
    public void Format_IgnoresUiCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal("¥1,234.50", Money.Format(1234.5m));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
