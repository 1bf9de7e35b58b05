using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Benchmarks.Fixture;
using Scrm.Data;
using Scrm.Data.Providers;
using Scrm.Data.Saving;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Web;

namespace Scrm.Benchmarks.Boards;

/// <summary>
/// The boards' SQLite files: the real migrations, the demo company seeded through the app's services as at
/// <see cref="Now"/>, and N open repair tickets (<see cref="BoardTickets"/>). Kept in the temp folder under a name made of
/// N, the latest migration and <see cref="DataVersion"/>, like <see cref="BenchmarkDatabase"/>; use a copy
/// (<see cref="CopyAsync"/>), since the app writes to its database.
/// </summary>
public static class BoardDatabase
{
    /// <summary>Bump whenever <see cref="BoardTickets"/> generates different data.</summary>
    public const int DataVersion = 1;

    /// <summary>The data's now: Wednesday 2026-11-25, 14:00 China time. A fixed instant, so every build yields the same file.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the path of the cached database with <paramref name="openTickets"/> generated tickets, building it first if needed.</summary>
    public static async Task<string> EnsureAsync(int openTickets, CancellationToken ct = default)
    {
        Directory.CreateDirectory(BenchmarkDatabase.Folder);
        var file = Path.Combine(BenchmarkDatabase.Folder,
            FormattableString.Invariant($"board-{openTickets}-{BenchmarkDatabase.LatestMigration()}-v{DataVersion}.db"));
        if (File.Exists(file))
        {
            Console.WriteLine($"// Board database: {file} (cached)");
            return file;
        }

        // Built under another name and renamed when complete, so an interrupted build is never taken for a finished one.
        var building = file + ".building";
        DeleteWithSidecars(building);
        var stopwatch = Stopwatch.StartNew();
        await BuildAsync(building, openTickets, ct);
        File.Move(building, file);
        Console.WriteLine($"// Board database: {file} (built in {stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
        return file;
    }

    /// <summary>A private copy of <paramref name="file"/> in a new temp folder; delete the folder when done.</summary>
    public static async Task<string> CopyAsync(string file, CancellationToken ct = default)
    {
        var folder = Directory.CreateTempSubdirectory("scrm-board-").FullName;
        var copy = Path.Combine(folder, "scrm.db");
        await using (var source = File.OpenRead(file))
        await using (var target = File.Create(copy))
        {
            await source.CopyToAsync(target, ct);
        }

        return copy;
    }

    /// <summary>The app's data and feature services (no web host) on <paramref name="file"/>, on <paramref name="time"/>'s clock.</summary>
    public static ServiceProvider Services(string file, TimeProvider time, bool pooling = true)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseProvider.Sqlite,
            ["ConnectionStrings:Scrm"] = new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling }.ToString(),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddLogging();
        services.AddScrmData(configuration);
        services.AddScrmFeatures();
        return services.BuildServiceProvider();
    }

    /// <summary>The demo user <paramref name="userName"/> as an actor on the web.</summary>
    public static async Task<Actor> ActorAsync(IServiceProvider services, string userName, CancellationToken ct = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        var user = await db.UserProfiles.AsNoTracking().SingleAsync(u => u.UserName == userName, ct);
        return new Actor(user.Id, user.DisplayName, user.Role, ActorChannel.Web);
    }

    private static async Task BuildAsync(string file, int openTickets, CancellationToken ct)
    {
        // No pooling: the file is renamed afterwards, so no connection may stay open on it.
        var time = new FakeTimeProvider(Now);
        await using (var services = Services(file, time, pooling: false))
        {
            await services.MigrateScrmDatabaseAsync(ct);
            await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct))
            {
                // As the app seeds it at first start (Database:SeedDemoCompany): through the full save pipeline.
                await DemoCompanySeeder.SeedAsync(db, time, ct: ct);
            }
        }

        // The generated tickets skip the in-transaction handlers (BoardTickets keeps their SLA clocks itself) and the
        // outbox: 5,000 assignment notifications would otherwise be delivered when the live app starts.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite(connectionString).Options;
        await BoardTickets.AddAsync(() => new SqliteScrmDbContext(options) { Pipeline = SaveServices.Default with { Clock = time } },
            openTickets, Now.UtcDateTime, ct);
        await using (var db = new SqliteScrmDbContext(options))
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
    }

    private static void DeleteWithSidecars(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
