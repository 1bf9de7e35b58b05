using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>Reads straight from a fixture's database, for tests that check what a service returned against it.</summary>
public static class DemoRegions
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<ScrmDbContext> DbAsync(this ServiceFixture app) =>
        app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);

    /// <summary>The id of the demo region (province or city) named <paramref name="name"/>.</summary>
    public static async Task<long> RegionIdAsync(this ServiceFixture app, string name)
    {
        await using var db = await app.DbAsync();
        return await db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }
}
