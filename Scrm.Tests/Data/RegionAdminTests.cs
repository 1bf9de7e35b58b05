using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Regions;
using Scrm.Tests.Web;
using Scrm.Web.Features.Regions;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// Region upkeep on the migrated demo company (real SQLite): 上海 A; 浙江省 with 杭州 B, 湖州 C→B, 宁波 B. Each test
/// works on its own cities, as the class shares one database.
/// </summary>
public sealed class RegionAdminTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RegionAdminService Regions => app.Services.GetRequiredService<RegionAdminService>();

    [Fact]
    public async Task CityWithTickets_CannotBeDeleted_ButCanBeRenamed()
    {
        var admin = await app.ActorAsync("admin");
        var ningbo = await CityAsync("宁波");
        var tickets = await CountAsync(db => db.Tickets.CountAsync(t => t.RegionId == ningbo.Id, Ct));
        var customers = await CountAsync(db => db.Customers.CountAsync(c => c.RegionId == ningbo.Id, Ct));
        Assert.True(tickets > 0 && customers > 0, "the demo company has tickets and customers in 宁波");

        var error = await Assert.ThrowsAsync<DomainException>(() => Regions.DeleteAsync(admin, ningbo.Id, ningbo.Version, Ct));

        Assert.Equal("RegionInUse", error.Code);
        Assert.Equal(new object[] { "宁波", tickets, customers, 0 }, error.Args);
        var stored = await CityAsync("宁波");
        Assert.False(stored.IsRetired);
        Assert.Equal(ningbo.Version, stored.Version);

        var version = await Regions.RenameAsync(admin, ningbo.Id, ningbo.Version, " 宁波市 ", Ct);

        var renamed = await RegionAsync(ningbo.Id);
        Assert.Equal("宁波市", renamed.Name);
        Assert.Equal(version, renamed.Version);
        Assert.Equal(tickets, await CountAsync(db => db.Tickets.CountAsync(t => t.RegionId == ningbo.Id, Ct)));
    }

    [Fact]
    public async Task Merge_MovesTicketsCustomersAndUsers_ToTheTarget_AndRetiresTheSource()
    {
        var admin = await app.ActorAsync("admin");
        var huzhou = await CityAsync("湖州");
        var hangzhou = await CityAsync("杭州");
        var tickets = await CountAsync(db => db.Tickets.CountAsync(t => t.RegionId == huzhou.Id, Ct));
        var ticketsBefore = await CountAsync(db => db.Tickets.CountAsync(t => t.RegionId == hangzhou.Id, Ct));
        var customers = await CountAsync(db => db.Customers.CountAsync(c => c.RegionId == huzhou.Id, Ct));
        Assert.True(tickets > 0, "the demo company has tickets in 湖州");

        var moved = await Regions.MergeAsync(admin, huzhou.Id, huzhou.Version, hangzhou.Id, Ct);

        // 吴刚 (tech3), 郑海 (tech4, already in 杭州 too) and 冯军 (tech0, deactivated) worked 湖州.
        Assert.Equal(new RegionUsage(tickets, customers, 3), moved);
        await using var db = app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.Tickets.CountAsync(t => t.RegionId == huzhou.Id, Ct));
        Assert.Equal(ticketsBefore + tickets, await db.Tickets.CountAsync(t => t.RegionId == hangzhou.Id, Ct));
        Assert.Equal(0, await db.Customers.CountAsync(c => c.RegionId == huzhou.Id, Ct));
        Assert.Equal(0, await db.UserRegions.CountAsync(r => r.RegionId == huzhou.Id, Ct));
        var tech4 = await db.UserProfiles.SingleAsync(u => u.UserName == "tech4", Ct);
        Assert.Equal([hangzhou.Id], tech4.Regions.Select(r => r.RegionId));
        var source = await db.Regions.SingleAsync(r => r.Id == huzhou.Id, Ct);
        Assert.True(source.IsRetired);
        Assert.Equal(["C", "B"], source.TierHistory.OrderBy(c => c.EffectiveFrom).Select(c => c.TierCode));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.TicketId != null && a.Field == "RegionId" && a.After == hangzhou.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct));
        Assert.Null((await Regions.GetTreeAsync(admin, Ct)).All.FirstOrDefault(r => r.Name == "湖州"));
    }

    [Fact]
    public async Task ChangeTier_WithADateNotAfterTheLatest_IsRefused_AndNothingIsSaved()
    {
        var admin = await app.ActorAsync("admin");
        var shanghai = await CityAsync("上海");
        var latest = shanghai.TierHistory.Max(c => c.EffectiveFrom);

        var error = await Assert.ThrowsAsync<DomainException>(() => Regions.ChangeTierAsync(admin, shanghai.Id, shanghai.Version, "B", latest, Ct));

        Assert.Equal("EffectiveDateNotAfterLast", error.Code);
        Assert.Equal("EffectiveFrom", error.Field);
        var stored = await RegionAsync(shanghai.Id);
        Assert.Equal(shanghai.TierHistory.Count, stored.TierHistory.Count);
        Assert.Equal(shanghai.Version, stored.Version);
    }

    [Fact]
    public async Task ChangeTier_ToATierNotInTheList_IsRefused_AndATierInTheListIsSaved()
    {
        var admin = await app.ActorAsync("admin");
        var shanghai = await CityAsync("上海");

        var error = await Assert.ThrowsAsync<DomainException>(() => Regions.ChangeTierAsync(admin, shanghai.Id, shanghai.Version, "Z", new DateOnly(2027, 1, 1), Ct));

        Assert.Equal("TierNotFound", error.Code);
        Assert.Equal("Tier", error.Field);
        Assert.Equal(shanghai.Version, (await RegionAsync(shanghai.Id)).Version);
        Assert.Single((await RegionAsync(shanghai.Id)).TierHistory);

        await Regions.ChangeTierAsync(admin, shanghai.Id, shanghai.Version, "B", new DateOnly(2027, 1, 1), Ct);

        var changed = await RegionAsync(shanghai.Id);
        Assert.Equal("A", changed.TierOn(new DateOnly(2026, 12, 31)));
        Assert.Equal("B", changed.TierOn(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public async Task Director_MustWorkTheRegion()
    {
        var admin = await app.ActorAsync("admin");
        var hangzhouId = (await CityAsync("杭州")).Id;
        var supervisor3 = await UserIdAsync("supervisor3"); // works 上海 only
        var director = await UserIdAsync("director"); // works 浙江省

        var error = await Assert.ThrowsAsync<DomainException>(() => AppointAsync(admin, hangzhouId, supervisor3));
        Assert.Equal("DirectorOutOfRegion", error.Code);
        Assert.Equal("DirectorId", error.Field);
        var agent = await UserIdAsync("agent");
        var agentError = await Assert.ThrowsAsync<DomainException>(() => AppointAsync(admin, hangzhouId, agent));
        Assert.Equal("DirectorInvalid", agentError.Code);

        await AppointAsync(admin, hangzhouId, director);

        Assert.Equal(director, (await RegionAsync(hangzhouId)).DirectorId);
    }

    [Fact]
    public async Task Tree_DerivesSupervisorsFromTheirRegions()
    {
        var tree = await Regions.GetTreeAsync(await app.ActorAsync("admin"), Ct);

        var hangzhou = tree.Provinces.Single(p => p.Name == "浙江省").Cities.Single(c => c.Name == "杭州");
        Assert.Equal(["周婷", "林峰"], hangzhou.Supervisors.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.Equal("B", hangzhou.TierToday);
        Assert.Equal(["马超"], tree.Provinces.Single(p => p.Name == "上海市").Cities.Single().Supervisors.Select(s => s.Name));
    }

    [Fact]
    public async Task NonAdmin_IsRefused()
    {
        var supervisor = await app.ActorAsync("supervisor");
        var shanghai = await CityAsync("上海");

        await Assert.ThrowsAsync<ForbiddenException>(() => Regions.GetTreeAsync(supervisor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Regions.RenameAsync(supervisor, shanghai.Id, shanghai.Version, "沪", Ct));
        Assert.Equal("上海", (await RegionAsync(shanghai.Id)).Name);
    }

    private async Task AppointAsync(Actor admin, long regionId, string userId) =>
        await Regions.AppointDirectorAsync(admin, regionId, (await RegionAsync(regionId)).Version, userId, Ct);

    private Task<Region> CityAsync(string name) => ReadAsync(db => db.Regions.SingleAsync(r => r.Name == name && r.ParentId != null && !r.IsRetired, Ct));

    private Task<Region> RegionAsync(long id) => ReadAsync(db => db.Regions.SingleAsync(r => r.Id == id, Ct));

    private Task<string> UserIdAsync(string userName) => ReadAsync(db => db.UserProfiles.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct));

    private Task<int> CountAsync(Func<ScrmDbContext, Task<int>> query) => ReadAsync(query);

    private async Task<T> ReadAsync<T>(Func<ScrmDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }
}
