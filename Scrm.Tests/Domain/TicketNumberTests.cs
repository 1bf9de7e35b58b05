using Scrm.Domain.Tickets;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class TicketNumberTests
{
    [Theory]
    [InlineData(2026, 11, 25, 1, "GD20261125-0001")]
    [InlineData(2026, 1, 5, 42, "GD20260105-0042")]
    [InlineData(2026, 12, 31, 9999, "GD20261231-9999")]
    [InlineData(2027, 2, 28, 12345, "GD20270228-12345")]
    public void ToString_FormatsPrefixDayAndFourDigitSequence(int year, int month, int day, int sequence, string expected)
    {
        Assert.Equal(expected, new TicketNumber(new DateOnly(year, month, day), sequence).ToString());
    }

    [Fact]
    public void FirstAndNext_CountFromOne()
    {
        var first = TicketNumber.First(new DateOnly(2026, 11, 25));

        Assert.Equal("GD20261125-0001", first.ToString());
        Assert.Equal("GD20261125-0002", first.Next().ToString());
        Assert.Equal("20261125", TicketNumber.DayKey(first.Day));
    }

    [Theory]
    [InlineData("GD20261125-0001", 2026, 11, 25, 1)]
    [InlineData("GD20261231-9999", 2026, 12, 31, 9999)]
    [InlineData("GD20270228-12345", 2027, 2, 28, 12345)]
    [InlineData("gd20261125-0007", 2026, 11, 25, 7)]
    public void TryParse_ReadsDayAndSequence(string text, int year, int month, int day, int sequence)
    {
        Assert.True(TicketNumber.TryParse(text, out var number));
        Assert.Equal(new TicketNumber(new DateOnly(year, month, day), sequence), number);
    }

    [Fact]
    public void TryParse_ReadsWhatToStringWrites()
    {
        var original = new TicketNumber(new DateOnly(2028, 2, 29), 314);

        Assert.True(TicketNumber.TryParse(original.ToString(), out var parsed));
        Assert.Equal(original, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("GD20261125-")]
    [InlineData("GD20261125-000")]
    [InlineData("GD20261125-0000")]
    [InlineData("GD20261125-00a1")]
    [InlineData("GD20261125--001")]
    [InlineData("GD20261125-+001")]
    [InlineData("GD20261125- 001")]
    [InlineData("GD20261125-99999999999")]
    [InlineData("GD20261325-0001")]
    [InlineData("GD20260230-0001")]
    [InlineData("XX20261125-0001")]
    [InlineData("GD20261125_0001")]
    [InlineData("GD2026112-50001")]
    [InlineData(" GD20261125-0001")]
    [InlineData("20261125-0001")]
    public void TryParse_ReturnsFalse_WhenTextIsNotATicketNumber(string? text)
    {
        Assert.False(TicketNumber.TryParse(text, out var number));
        Assert.Null(number);
    }
}
