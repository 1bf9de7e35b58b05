using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Scrm.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Revenue;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>The revenue tables the page shows and the exports write: headers and cells, written out.</summary>
public sealed class RevenueTablesTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public RevenueTablesTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

    private IStringLocalizer<SharedResource> L => _services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _services.Dispose();
    }

    [Fact]
    public void Regions_HaveMoneyCountAndMarginRate_AndNoRateWithoutRevenue()
    {
        var table = RevenueTables.Regions(
        [
            new(2, "浙江省", true, new MoneyTotals(1000m, 600m, 5)),
            new(1, "上海市", true, new MoneyTotals(0m, 80m, -1)),
        ], L);

        Assert.Equal("按区域", table.Title);
        Assert.Equal(["区域", "营收", "结算成本", "毛利", "结算工单", "毛利率"], table.Columns.Select(c => c.Header));
        Assert.Equal([DashboardColumnKind.Text, DashboardColumnKind.Money, DashboardColumnKind.Money, DashboardColumnKind.Money, DashboardColumnKind.Count, DashboardColumnKind.Rate],
            table.Columns.Select(c => c.Kind));
        Assert.Equal(["浙江省", 1000m, 600m, 400m, 5, 0.4m], table.Rows[0]);
        Assert.Equal(["上海市", 0m, 80m, -80m, -1, null], table.Rows[1]);
    }

    [Fact]
    public void Categories_NameTheParts_AndKeepThePartnerType()
    {
        var table = RevenueTables.Categories(
        [
            new("空调安装", "自营", new MoneyTotals(300m, 200m, 3)),
            new(RevenueDashboard.PartsCategory, "加盟", new MoneyTotals(45.5m, 30m, 2)),
        ], L);

        Assert.Equal(["服务类别", "合作类型", "营收", "结算成本", "毛利", "结算工单"], table.Columns.Select(c => c.Header));
        Assert.Equal(["空调安装", "自营", 300m, 200m, 100m, 3], table.Rows[0]);
        Assert.Equal(["备件", "加盟", 45.5m, 30m, 15.5m, 2], table.Rows[1]);
    }

    [Fact]
    public void Technicians_AreRanked()
    {
        var table = RevenueTables.Technicians([new("u2", "孙伟", new MoneyTotals(500m, 300m, 4)), new("u4", "郑海", new MoneyTotals(400m, 350m, 2))], L);

        Assert.Equal(["排名", "师傅", "营收", "结算成本", "毛利", "结算工单"], table.Columns.Select(c => c.Header));
        Assert.Equal([1, "孙伟", 500m, 300m, 200m, 4], table.Rows[0]);
        Assert.Equal([2, "郑海", 400m, 350m, 50m, 2], table.Rows[1]);
    }

    [Fact]
    public void Daily_HasOneRowPerDay()
    {
        var table = RevenueTables.Daily([new(new DateOnly(2026, 11, 1), new MoneyTotals(10m, 4m, 1)), new(new DateOnly(2026, 11, 2), new MoneyTotals(0m, 0m, 0))], L);

        Assert.Equal(["日期", "营收", "结算成本", "毛利", "结算工单"], table.Columns.Select(c => c.Header));
        Assert.Equal(["2026-11-01", 10m, 4m, 6m, 1], table.Rows[0]);
        Assert.Equal(["2026-11-02", 0m, 0m, 0m, 0], table.Rows[1]);
    }

    [Fact]
    public void Tickets_ShowTheBookingInChinaTime_AndAMissingPayeeAsNothing()
    {
        var table = RevenueTables.Tickets(
        [
            new(42, "WX-20261120-0003", "空调不制冷", "孙伟", new DateTime(2026, 11, 20, 17, 30, 0, DateTimeKind.Utc), new MoneyTotals(200m, 120m, 1)),
            new(43, "WX-20261121-0001", "热水器安装", null, new DateTime(2026, 11, 21, 2, 0, 0, DateTimeKind.Utc), new MoneyTotals(-80m, -50m, -1)),
        ], L);

        Assert.Equal(["工单号", "标题", "收款人", "入账时间", "营收", "结算成本", "毛利"], table.Columns.Select(c => c.Header));
        Assert.Equal(["WX-20261120-0003", "空调不制冷", "孙伟", "2026-11-21 01:30", 200m, 120m, 80m], table.Rows[0]);
        Assert.Equal(["WX-20261121-0001", "热水器安装", null, "2026-11-21 10:00", -80m, -50m, -30m], table.Rows[1]);
    }
}
