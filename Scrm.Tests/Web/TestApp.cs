using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Web;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Workflows;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Tests.Web;

/// <summary>
/// The app's feature services over a private in-memory SQLite database built by the real migrations and
/// holding the seeded demo company. Signs in as a demo user by user name.
/// </summary>
public static class TestApp
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Registers the data layer and feature services; returns the connection that keeps the database alive.</summary>
    public static SqliteConnection AddScrmForTests(this IServiceCollection services)
    {
        var keepAlive = services.AddTestDatabase();
        services.AddScrmFeatures();
        return keepAlive;
    }

    /// <summary>The data layer over a private in-memory database, at the fixed test time.</summary>
    private static SqliteConnection AddTestDatabase(this IServiceCollection services)
    {
        var connectionString = $"DataSource=file:scrm-{Guid.NewGuid():N}?mode=memory&cache=shared";
        var keepAlive = new SqliteConnection(connectionString);
        keepAlive.Open();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = connectionString,
        }).Build();

        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddScrmData(configuration);
        return keepAlive;
    }

    // One seeded database per ticket count for the whole run; each test gets a copy (SQLite's backup API takes
    // milliseconds, migrating and seeding takes seconds).
    private static readonly ConcurrentDictionary<int, Lazy<Task<SqliteConnection>>> Snapshots = new();

    /// <summary>Fills the test's database with the migrated demo company (with fewer tickets, for speed).</summary>
    public static async Task SeedAsync(IServiceProvider services, int tickets = 40)
    {
        var snapshot = await Snapshots.GetOrAdd(tickets, n => new Lazy<Task<SqliteConnection>>(() => BuildSnapshotAsync(n))).Value;
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        lock (snapshot)
        {
            snapshot.BackupDatabase((SqliteConnection)db.Database.GetDbConnection());
        }
    }

    private static async Task<SqliteConnection> BuildSnapshotAsync(int tickets)
    {
        var services = new ServiceCollection();
        var connection = services.AddTestDatabase();
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateScrmDatabaseAsync();
        await using var scope = provider.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        await DemoCompanySeeder.SeedAsync(db, provider.GetRequiredService<TimeProvider>(), tickets);
        return connection; // kept open for the run: closing it would drop the snapshot
    }

    /// <summary>A demo user acting through <paramref name="channel"/>, as a page, an endpoint or a job would pass them to a command.</summary>
    public static async Task<Actor> ActorAsync(IServiceProvider services, string userName, ActorChannel channel = ActorChannel.Web)
    {
        var principal = await PrincipalAsync(services, userName);
        return CurrentUser.FromPrincipal(principal, channel)!;
    }

    /// <summary>The claims the login cookie would carry for a demo user.</summary>
    public static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string userName)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync();
        var profile = await db.UserProfiles.SingleAsync(p => p.UserName == userName);
        return new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, profile.Id),
            new Claim(ClaimTypes.Name, profile.UserName),
            new Claim(ClaimTypes.Role, profile.Role.ToString()),
            new Claim(CurrentUser.DisplayNameClaim, profile.DisplayName),
        ], "Test"));
    }
}

/// <summary>An authentication state the test sets directly.</summary>
public sealed class TestAuthenticationStateProvider : AuthenticationStateProvider
{
    public ClaimsPrincipal User { get; set; } = new(new ClaimsIdentity());

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(User));
}
