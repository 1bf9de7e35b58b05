using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Tests.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Dashboards;

/// <summary>
/// The dashboards' region names on the demo region tree (上海市 › 上海, 浙江省 › 杭州/湖州/宁波): the picker's provinces per
/// viewer, and the breadcrumb path of a URL's ids — "not found" for the central desk, refused for a regional viewer.
/// </summary>
public sealed class DashboardRegionServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private DashboardRegionService Regions => app.Services.GetRequiredService<DashboardRegionService>();

    [Fact]
    public async Task Provinces_AreEveryProvinceCentrally_AndOnlyWholeOnesForARegionalViewer()
    {
        var central = await Regions.ProvincesAsync(await app.ActorAsync("admin"), Ct);
        var hangzhouOnly = await Regions.ProvincesAsync(await app.ActorAsync("supervisor2"), Ct);

        Assert.Equal(["上海市", "浙江省"], central.Select(p => p.Name));
        Assert.Empty(hangzhouOnly);
    }

    [Fact]
    public async Task APath_NamesTheProvinceOfACity_AndEveryRegionWithoutIds()
    {
        var ids = await IdsAsync();
        var admin = await app.ActorAsync("admin");

        var city = await Regions.FindAsync(admin, null, ids["杭州"], Ct);
        var all = await Regions.FindAsync(admin, null, null, Ct);

        Assert.Equal(new DashboardRegionPath(ids["浙江省"], "浙江省", ids["杭州"], "杭州"), city);
        Assert.Equal(DashboardRegionPath.All, all);
    }

    [Fact]
    public async Task UnknownIds_AreNotFoundCentrally_ButRefusedForARegionalViewer()
    {
        var ids = await IdsAsync();
        var admin = await app.ActorAsync("admin");
        var hangzhouOnly = await app.ActorAsync("supervisor2");

        Assert.Null(await Regions.FindAsync(admin, 999_999, null, Ct));
        Assert.Null(await Regions.FindAsync(admin, ids["上海市"], ids["杭州"], Ct));
        Assert.Null(await Regions.FindAsync(admin, ids["杭州"], null, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Regions.FindAsync(hangzhouOnly, null, 999_999, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Regions.FindAsync(hangzhouOnly, -1, null, Ct));
    }

    [Fact]
    public async Task AgentsAndTechnicians_AreRefused()
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Regions.ProvincesAsync(await app.ActorAsync("agent"), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Regions.FindAsync(await app.ActorAsync("tech1"), null, null, Ct));
    }

    private async Task<Dictionary<string, long>> IdsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id, Ct);
    }
}
