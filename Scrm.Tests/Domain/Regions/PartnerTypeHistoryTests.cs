using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Xunit;

namespace Scrm.Tests.Domain.Regions;

/// <summary>A technician's partner type over time, dated like a city's tier (midnight China time).</summary>
public sealed class PartnerTypeHistoryTests
{
    private static UserProfile FranchiseThenOwnStaff()
    {
        var franchise = new PartnerType("加盟", 2);
        var ownStaff = new PartnerType("自营", 1);
        SetId(franchise, 2);
        SetId(ownStaff, 1);
        var technician = new UserProfile("tech-2", "tech2", "孙伟", Role.Technician);
        technician.ChangePartnerType(franchise, new DateOnly(2024, 1, 1));
        technician.ChangePartnerType(ownStaff, new DateOnly(2026, 7, 1));
        return technician;
    }

    [Fact]
    public void PartnerTypeOn_KeepsTheOldTypeForEarlierDates()
    {
        var technician = FranchiseThenOwnStaff();

        Assert.Null(technician.PartnerTypeOn(new DateOnly(2023, 12, 31)));
        Assert.Equal(2, technician.PartnerTypeOn(new DateOnly(2024, 1, 1)));
        Assert.Equal(2, technician.PartnerTypeOn(new DateOnly(2026, 6, 30)));
        Assert.Equal(1, technician.PartnerTypeOn(new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void PartnerTypeAt_ChangesAtMidnightChinaTime()
    {
        var technician = FranchiseThenOwnStaff();

        Assert.Equal(2, technician.PartnerTypeAt(new DateTime(2026, 6, 30, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(1, technician.PartnerTypeAt(new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void ChangePartnerType_RefusesADateOnOrBeforeTheLatestChange()
    {
        var technician = FranchiseThenOwnStaff();

        var error = Assert.Throws<DomainException>(() => technician.ChangePartnerType(new PartnerType("第三方", 3), new DateOnly(2026, 7, 1)));

        Assert.Equal("EffectiveDateNotAfterLast", error.Code);
        Assert.Equal("PartnerTypeFrom", error.Field);
        Assert.Equal(2, technician.PartnerTypes.Count);
    }

    // Ids come from the database; these tests have none, and the history stores the id.
    private static void SetId(PartnerType type, long id) => typeof(PartnerType).GetProperty(nameof(PartnerType.Id))!.SetValue(type, id);
}
