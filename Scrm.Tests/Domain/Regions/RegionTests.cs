using Scrm.Domain.Common;
using Scrm.Domain.Regions;
using Xunit;

namespace Scrm.Tests.Domain.Regions;

/// <summary>A city's tier over time: each change takes effect at midnight China time (16:00 UTC the day before).</summary>
public sealed class RegionTests
{
    private static readonly PriceTier A = new("A", "一档", 1);
    private static readonly PriceTier B = new("B", "二档", 2);
    private static readonly PriceTier C = new("C", "三档", 3);

    private static Region Zhejiang() => Region.Province("浙江省");

    /// <summary>湖州: C from 2026-01-01, B from 2026-07-01, A from 2026-10-01.</summary>
    private static Region Huzhou()
    {
        var city = Region.City(Zhejiang(), "湖州", C, new DateOnly(2026, 1, 1));
        city.ChangeTier(B, new DateOnly(2026, 7, 1));
        city.ChangeTier(A, new DateOnly(2026, 10, 1));
        return city;
    }

    [Fact]
    public void TierOn_IsTheTierInForceOnEachDate_AcrossTwoChanges()
    {
        var city = Huzhou();

        Assert.Null(city.TierOn(new DateOnly(2025, 12, 31)));
        Assert.Equal("C", city.TierOn(new DateOnly(2026, 1, 1)));
        Assert.Equal("C", city.TierOn(new DateOnly(2026, 6, 30)));
        Assert.Equal("B", city.TierOn(new DateOnly(2026, 7, 1)));
        Assert.Equal("B", city.TierOn(new DateOnly(2026, 9, 30)));
        Assert.Equal("A", city.TierOn(new DateOnly(2026, 10, 1)));
        Assert.Equal("A", city.TierOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void TierAt_ChangesAtMidnightChinaTime()
    {
        var city = Huzhou();

        Assert.Equal("C", city.TierAt(new DateTime(2026, 6, 30, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("B", city.TierAt(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal("B", city.TierAt(new DateTime(2026, 9, 30, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal("A", city.TierAt(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData(2026, 10, 1)]
    [InlineData(2026, 9, 30)]
    [InlineData(2026, 1, 1)]
    public void ChangeTier_RefusesADateOnOrBeforeTheLatestChange(int year, int month, int day)
    {
        var city = Huzhou();

        var error = Assert.Throws<DomainException>(() => city.ChangeTier(C, new DateOnly(year, month, day)));

        Assert.Equal("EffectiveDateNotAfterLast", error.Code);
        Assert.Equal("EffectiveFrom", error.Field);
        Assert.Equal(new object[] { "2026-10-01" }, error.Args);
        Assert.Equal(3, city.TierHistory.Count);
        Assert.Equal("A", city.TierOn(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void ChangeTier_AcceptsTheDayAfterTheLatestChange()
    {
        var city = Huzhou();

        city.ChangeTier(C, new DateOnly(2026, 10, 2));

        Assert.Equal("A", city.TierOn(new DateOnly(2026, 10, 1)));
        Assert.Equal("C", city.TierOn(new DateOnly(2026, 10, 2)));
    }

    [Fact]
    public void Province_HasNoTier_AndCannotBeGivenOne()
    {
        var province = Zhejiang();

        Assert.Null(province.TierOn(new DateOnly(2026, 7, 1)));
        var error = Assert.Throws<DomainException>(() => province.ChangeTier(A, new DateOnly(2026, 7, 1)));
        Assert.Equal("RegionTierInvalid", error.Code);
        Assert.Empty(province.TierHistory);
    }

    [Fact]
    public void MoveTo_RefusesACityAsParent()
    {
        var city = Huzhou();
        var otherCity = Region.City(Zhejiang(), "杭州", B, new DateOnly(2026, 1, 1));

        var error = Assert.Throws<DomainException>(() => city.MoveTo(otherCity));

        Assert.Equal("RegionParentNotProvince", error.Code);
        Assert.Equal("ParentId", error.Field);
    }

    [Fact]
    public void MoveTo_RefusesToMoveAProvince()
    {
        var error = Assert.Throws<DomainException>(() => Zhejiang().MoveTo(Region.Province("江苏省")));

        Assert.Equal("RegionMoveProvince", error.Code);
    }
}
