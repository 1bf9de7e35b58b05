using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Components;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>How dashboard cells read: money, counts, rates, durations and scores in both languages.</summary>
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

        Assert.Equal("¥12,345.60", DashboardFormat.Cell(12345.6m, DashboardColumnKind.Money, L));
        Assert.Equal("-¥80.00", DashboardFormat.Cell(-80m, DashboardColumnKind.Money, L));
        Assert.Equal("1,234", DashboardFormat.Cell(1234, DashboardColumnKind.Count, L));
        Assert.Equal("12.5 %", DashboardFormat.Cell(0.125m, DashboardColumnKind.Rate, L));
        Assert.Equal("4.6", DashboardFormat.Cell(4.56m, DashboardColumnKind.Score, L));
        Assert.Equal("—", DashboardFormat.Cell(null, DashboardColumnKind.Money, L));
        Assert.Equal("杭州", DashboardFormat.Cell("杭州", DashboardColumnKind.Text, L));
    }

    [Fact]
    public void Minutes_ReadAsHoursAndMinutes_InEachLanguage()
    {
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Assert.Equal("3 h 20 min", DashboardFormat.Cell(200m, DashboardColumnKind.Minutes, L));
        Assert.Equal("45 min", DashboardFormat.Cell(45m, DashboardColumnKind.Minutes, L));

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Assert.Equal("3 小时 20 分", DashboardFormat.Cell(200m, DashboardColumnKind.Minutes, L));
        Assert.Equal("0 分", DashboardFormat.Cell(0.4m, DashboardColumnKind.Minutes, L));
    }
}
