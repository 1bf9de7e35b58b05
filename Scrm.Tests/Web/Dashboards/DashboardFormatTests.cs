using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Components;
using Scrm.Web.Features.Dashboards.Dwell;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>How every dashboard writes numbers: money, counts, rates, scores and durations, in both languages.</summary>
public sealed class DashboardFormatTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    private IStringLocalizer<SharedResource> L => _services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
    }

    [Fact]
    public void Cells_AreFormattedByKind()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        Assert.Equal("¥12,345.60", DashboardFormat.Cell(DashboardColumnKind.Money, 12345.6m, L));
        Assert.Equal("-¥80.00", DashboardFormat.Cell(DashboardColumnKind.Money, -80m, L));
        Assert.Equal("1,234", DashboardFormat.Cell(DashboardColumnKind.Count, 1234, L));
        Assert.Equal("12.5 %", DashboardFormat.Cell(DashboardColumnKind.Rate, 0.125m, L));
        Assert.Equal("4.6", DashboardFormat.Cell(DashboardColumnKind.Score, 4.56m, L));
        Assert.Equal("—", DashboardFormat.Cell(DashboardColumnKind.Money, null, L));
        Assert.Equal("杭州", DashboardFormat.Cell(DashboardColumnKind.Text, "杭州", L));
    }

    [Fact]
    public void Values_ByKind_AndNullForNothingToMeasure()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

        Assert.Equal("12,345", DashboardFormat.Value(DashboardColumnKind.Count, 12345, L));
        Assert.Equal("4.6", DashboardFormat.Value(DashboardColumnKind.Score, 4.55m, L));
        Assert.Equal("7.5 %", DashboardFormat.Value(DashboardColumnKind.Rate, 0.075m, L));
        Assert.Equal("2 h 5 min", DashboardFormat.Value(DashboardColumnKind.Minutes, 125m, L));
        Assert.Equal("浙江省", DashboardFormat.Value(DashboardColumnKind.Text, "浙江省", L));
        Assert.Null(DashboardFormat.Value(DashboardColumnKind.Rate, null, L));
    }

    [Theory]
    [InlineData(0.125, "12.5 %")]
    [InlineData(0, "0.0 %")]
    [InlineData(1, "100.0 %")]
    [InlineData(0.33333, "33.3 %")]
    [InlineData(0.00049, "0.0 %")]
    [InlineData(12.5, "1,250.0 %")]
    public void Rate_IsAPercentageWithOneDecimal(decimal fraction, string expected) => Assert.Equal(expected, DashboardFormat.Rate(fraction));

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(0.4, "0 min")]
    [InlineData(-5, "0 min")]
    [InlineData(45.4, "45 min")]
    [InlineData(59.6, "1 h")]
    [InlineData(200, "3 h 20 min")]
    [InlineData(600, "10 h")]
    [InlineData(1439, "23 h 59 min")]
    [InlineData(1440, "1 d")]
    [InlineData(1500, "1 d 1 h")]
    [InlineData(4380, "3 d 1 h")]
    public void Duration_InEnglish(decimal minutes, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Assert.Equal(expected, DashboardFormat.Duration(minutes, L));
    }

    [Theory]
    [InlineData(200, "3 小时 20 分")]
    [InlineData(45, "45 分")]
    [InlineData(0.4, "0 分")]
    [InlineData(120, "2 小时")]
    [InlineData(2880, "2 天")]
    [InlineData(1500, "1 天 1 小时")]
    public void Duration_InChinese(decimal minutes, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal(expected, DashboardFormat.Duration(minutes, L));
    }

    [Theory]
    [InlineData(null, "无数据")]
    [InlineData(0.5, "不足 1 分钟")]
    [InlineData(0.0, "0 分")]
    [InlineData(200.0, "3 小时 20 分")]
    [InlineData(3000.0, "2 天 2 小时")]
    public void DwellMinutes_ReadAsEveryDashboard_SaveUnderAMinuteAndNothingMeasured(double? minutes, string expected)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal(expected, DwellText.Minutes(L, minutes));
    }

    [Fact]
    public void Segments_SplitDigitsFromUnits_SoTilesCanShrinkTheUnits()
    {
        Assert.Equal([("3", false), (" 小时 ", true), ("20", false), (" 分", true)], DashboardFormat.Segments("3 小时 20 分"));
        Assert.Equal([("12.5", false), (" %", true)], DashboardFormat.Segments("12.5 %"));
        Assert.Equal([("1,234", false)], DashboardFormat.Segments("1,234"));
    }
}
