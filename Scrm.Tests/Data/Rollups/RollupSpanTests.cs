using Scrm.Data.Rollups;
using Xunit;

namespace Scrm.Tests.Data.Rollups;

public sealed class RollupSpanTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void AWholeMonth_IsOneMonthRow()
    {
        var span = RollupSpan.Of(D(2026, 12, 1), D(2026, 12, 31));
        Assert.Equal((D(2026, 12, 1), D(2026, 12, 1)), (span.FirstMonth!.Value, span.LastMonth!.Value));
        Assert.Empty(span.AddDays);
        Assert.Empty(span.SubtractDays);
    }

    [Fact]
    public void AFewDays_AreReadAsDays()
    {
        var span = RollupSpan.Of(D(2026, 12, 3), D(2026, 12, 9));
        Assert.Null(span.FirstMonth);
        Assert.Null(span.LastMonth);
        Assert.Equal([new DayRange(D(2026, 12, 3), D(2026, 12, 9))], span.AddDays);
        Assert.Empty(span.SubtractDays);
    }

    [Fact]
    public void AOneDayPeriod_IsThatDay()
    {
        var span = RollupSpan.Of(D(2026, 12, 3), D(2026, 12, 3));
        Assert.Null(span.FirstMonth);
        Assert.Equal([new DayRange(D(2026, 12, 3), D(2026, 12, 3))], span.AddDays);
    }

    [Fact]
    public void MostOfAMonth_IsTheMonthMinusTheDaysOutside()
    {
        // 16 days inside, 15 outside: the month row minus both ends is fewer days to read.
        var span = RollupSpan.Of(D(2026, 12, 10), D(2026, 12, 25));
        Assert.Equal((D(2026, 12, 1), D(2026, 12, 1)), (span.FirstMonth!.Value, span.LastMonth!.Value));
        Assert.Empty(span.AddDays);
        Assert.Equal([new DayRange(D(2026, 12, 1), D(2026, 12, 9)), new DayRange(D(2026, 12, 26), D(2026, 12, 31))], span.SubtractDays);
    }

    [Fact]
    public void TwelveMonthsEndingToday_AreMonthsWithBothEndsTrimmed()
    {
        var span = RollupSpan.Of(D(2025, 12, 4), D(2026, 12, 3));
        Assert.Equal((D(2025, 12, 1), D(2026, 11, 1)), (span.FirstMonth!.Value, span.LastMonth!.Value));
        Assert.Equal([new DayRange(D(2026, 12, 1), D(2026, 12, 3))], span.AddDays);
        Assert.Equal([new DayRange(D(2025, 12, 1), D(2025, 12, 3))], span.SubtractDays);
    }

    [Fact]
    public void HalfOfALeapFebruary_TipsAtItsTwentyNineDays()
    {
        var fourteen = RollupSpan.Of(D(2028, 2, 1), D(2028, 2, 14));
        Assert.Null(fourteen.FirstMonth);
        Assert.Equal([new DayRange(D(2028, 2, 1), D(2028, 2, 14))], fourteen.AddDays);

        var fifteen = RollupSpan.Of(D(2028, 2, 1), D(2028, 2, 15));
        Assert.Equal(D(2028, 2, 1), fifteen.FirstMonth);
        Assert.Empty(fifteen.AddDays);
        Assert.Equal([new DayRange(D(2028, 2, 16), D(2028, 2, 29))], fifteen.SubtractDays);
    }

    [Fact]
    public void AcrossAYear_TheMonthsRunOn()
    {
        var span = RollupSpan.Of(D(2026, 11, 20), D(2027, 1, 10));
        Assert.Equal((D(2026, 12, 1), D(2026, 12, 1)), (span.FirstMonth!.Value, span.LastMonth!.Value));
        Assert.Equal([new DayRange(D(2026, 11, 20), D(2026, 11, 30)), new DayRange(D(2027, 1, 1), D(2027, 1, 10))], span.AddDays);
        Assert.Empty(span.SubtractDays);
    }
}
