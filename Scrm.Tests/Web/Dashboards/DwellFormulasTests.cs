using Scrm.Web.Features.Dashboards.Dwell;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

public sealed class DwellFormulasTests
{
    [Theory]
    [InlineData(new double[] { 1, 2, 3, 4 }, 50, 2)]
    [InlineData(new double[] { 1, 2, 3, 4 }, 90, 4)]
    [InlineData(new double[] { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 }, 90, 13)]
    [InlineData(new double[] { 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 }, 50, 9)]
    [InlineData(new double[] { 7.5 }, 50, 7.5)]
    [InlineData(new double[] { 7.5 }, 90, 7.5)]
    [InlineData(new double[] { 1, 2, 3 }, 50, 2)]
    public void NearestRank_PicksTheValueAtRankCeilingOfPTimesN(double[] sorted, int p, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank(sorted, p));

    [Fact]
    public void NearestRank_OfNothing_IsNull() => Assert.Null(Percentile.NearestRank([], 50));

    [Theory]
    [InlineData(0.0, 100.0, 0)]
    [InlineData(19.9, 100.0, 0)]
    [InlineData(20.0, 100.0, 1)]
    [InlineData(99.0, 100.0, 4)]
    [InlineData(100.0, 100.0, 4)]
    [InlineData(0.0, 0.0, 0)]
    public void HeatStep_IsTheFifthOfTheSlowest(double minutes, double max, int expected) =>
        Assert.Equal(expected, DwellText.HeatStep(minutes, max));

    [Fact]
    public void HeatStep_OfNoData_IsNone() => Assert.Null(DwellText.HeatStep(null, 100));
}
