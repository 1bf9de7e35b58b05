using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Web.Features.Users;
using Xunit;

namespace Scrm.Tests.Web.Users;

/// <summary>The seeded demo company with the feature services and Identity's user manager, as the app registers it.</summary>
public sealed class UserAdminFixture : IAsyncLifetime
{
    private SqliteConnection? _keepAlive;

    public ServiceProvider Services { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        _keepAlive = services.AddScrmForTests();
        services.AddLogging();
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContext());
        services.AddIdentityCore<ScrmUser>().AddEntityFrameworkStores<ScrmDbContext>();
        Services = services.BuildServiceProvider();
        await TestApp.SeedAsync(Services);
    }

    public Task<Actor> ActorAsync(string userName) => TestApp.ActorAsync(Services, userName);

    public static UserAdminService Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserAdminService>();

    public async Task<ScrmDbContext> DbAsync() => await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();

    /// <summary>The id of the demo (or created) user <paramref name="userName"/>.</summary>
    public async Task<string> IdOfAsync(string userName)
    {
        await using var db = await DbAsync();
        return await db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.Id).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }
    }
}
