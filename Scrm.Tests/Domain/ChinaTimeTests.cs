using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class ChinaTimeTests
{
    [Fact]
    public void FromUtc_AddsEightHours()
    {
        var china = ChinaTime.FromUtc(new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 11, 26, 0, 0, 0), china);
        Assert.Equal(DateTimeKind.Unspecified, china.Kind);
    }

    [Fact]
    public void FromUtc_TreatsUnspecifiedKindAsUtc()
    {
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0), ChinaTime.FromUtc(new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void ToUtc_SubtractsEightHours()
    {
        var utc = ChinaTime.ToUtc(new DateTime(2026, 11, 26, 0, 0, 0));

        Assert.Equal(new DateTime(2026, 11, 25, 16, 0, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void ToUtc_UndoesFromUtc()
    {
        var utc = new DateTime(2026, 12, 31, 19, 30, 15, DateTimeKind.Utc);

        Assert.Equal(utc, ChinaTime.ToUtc(ChinaTime.FromUtc(utc)));
    }

    [Theory]
    [InlineData("2026-11-25T00:00:00Z", 2026, 11, 25)]
    [InlineData("2026-11-25T15:59:59Z", 2026, 11, 25)]
    [InlineData("2026-11-25T16:00:00Z", 2026, 11, 26)] // midnight in China
    [InlineData("2026-11-24T16:00:00Z", 2026, 11, 25)]
    [InlineData("2026-12-31T16:00:00Z", 2027, 1, 1)]
    public void Today_IsTheChinaDate(string utcNow, int year, int month, int day)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(year, month, day), ChinaTime.Today(time));
    }

    [Fact]
    public void Today_MovesToNextDay_WhenClockPassesUtcFourPm()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 15, 59, 59, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 11, 25), ChinaTime.Today(time));

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(new DateOnly(2026, 11, 26), ChinaTime.Today(time));
    }

    [Fact]
    public void Format_ShowsChinaWallClock()
    {
        Assert.Equal("2026-11-26 00:05", ChinaTime.Format(new DateTime(2026, 11, 25, 16, 5, 0, DateTimeKind.Utc)));
    }
}
