using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Scrm.Data.Providers;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// The PeopleAndPlaces migration moves data by hand-written SQL: a database from before it keeps every city's tier (now
/// its history), every user's region (now a list) and gets a partner type for each technician.
/// </summary>
public sealed class PeopleAndPlacesMigrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ADatabaseFromBefore_KeepsItsTiersAndRegions_AndItsTechniciansBecomeOwnStaff()
    {
        await using var connection = new SqliteConnection("DataSource=:memory:");
        await connection.OpenAsync(Ct);
        await using var db = new SqliteScrmDbContext(new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite(connection).Options);
        await db.GetService<IMigrator>().MigrateAsync("TimerFailuresPark", cancellationToken: Ct);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO Regions (Id, Name, ParentId, Tier, Version) VALUES (1, '浙江省', NULL, NULL, 1), (2, '湖州', 1, 'C', 1);
            INSERT INTO AspNetUsers (Id, UserName, AccessFailedCount, EmailConfirmed, LockoutEnabled, PhoneNumberConfirmed, TwoFactorEnabled)
                VALUES ('u-tech', 'tech', 0, 1, 1, 0, 0), ('u-agent', 'agent', 0, 1, 1, 0, 0);
            INSERT INTO UserProfiles (Id, UserName, DisplayName, Role, RegionId, Culture, IsActive, Version)
                VALUES ('u-tech', 'tech', '吴刚', 'Technician', 2, 'zh-CN', 1, 1), ('u-agent', 'agent', '张敏', 'Agent', NULL, 'zh-CN', 1, 1);
            """, Ct);

        await db.Database.MigrateAsync(Ct);

        Assert.Equal(["A", "B", "C"], await db.PriceTiers.OrderBy(t => t.SortOrder).Select(t => t.Code).ToListAsync(Ct));
        Assert.Equal(["自营", "加盟", "第三方"], await db.PartnerTypes.OrderBy(t => t.SortOrder).Select(t => t.Name).ToListAsync(Ct));
        var huzhou = await db.Regions.SingleAsync(r => r.Id == 2, Ct);
        Assert.Equal("C", huzhou.TierOn(new DateOnly(2026, 12, 2)));
        Assert.Equal((new DateOnly(2000, 1, 1), "C"), (huzhou.TierHistory.Single().EffectiveFrom, huzhou.TierHistory.Single().TierCode));
        var tech = await db.UserProfiles.SingleAsync(u => u.Id == "u-tech", Ct);
        Assert.Equal([2L], tech.Regions.Select(r => r.RegionId));
        var ownStaff = await db.PartnerTypes.Where(t => t.Name == "自营").Select(t => t.Id).SingleAsync(Ct);
        Assert.Equal(ownStaff, tech.PartnerTypeOn(new DateOnly(2026, 12, 2)));
        var agent = await db.UserProfiles.SingleAsync(u => u.Id == "u-agent", Ct);
        Assert.Empty(agent.Regions);
        Assert.Empty(agent.PartnerTypes);
    }

    [Fact]
    public void SqlServerScript_WritesTheStartingListsAsUnicode()
    {
        using var db = new SqlServerScrmDbContext(new DbContextOptionsBuilder<SqlServerScrmDbContext>().UseSqlServer("Server=unused").Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Contains("INSERT INTO PartnerTypes (Name, SortOrder, Version) VALUES (N'自营', 1, 1), (N'加盟', 2, 1), (N'第三方', 3, 1);", script, StringComparison.Ordinal);
        Assert.Contains("INSERT INTO CityTierChanges (RegionId, TierCode, EffectiveFrom) SELECT Id, Tier, '2000-01-01' FROM Regions WHERE Tier IS NOT NULL;", script, StringComparison.Ordinal);
    }
}
