using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scrm.Data.Providers;

namespace Scrm.Benchmarks.Fixture;

/// <summary>
/// A SQLite file with the real migrations and <see cref="TicketCount"/> tickets. Building it takes a while, so the
/// finished file is kept in the temp folder under a name made of the row count, the latest migration and
/// <see cref="DataVersion"/>: a new migration or a change to the generated data builds a new file.
/// </summary>
public static class BenchmarkDatabase
{
    public const int TicketCount = 100_000;

    /// <summary>Bump whenever <see cref="ReferenceData"/> or <see cref="TicketLoader"/> generate different data.</summary>
    public const int DataVersion = 3;

    /// <summary>
    /// Names a database file to benchmark instead of the generated one: a copy of it with an index you are trying,
    /// before writing the migration.
    /// </summary>
    public const string OverrideVariable = "SCRM_BENCHMARK_DB";

    public static string Folder => Path.Combine(Path.GetTempPath(), "scrm-benchmarks");

    /// <summary>Options like the app's: a file data source, default (pooled) connections.</summary>
    public static DbContextOptions<SqliteScrmDbContext> Options(string file) =>
        new DbContextOptionsBuilder<SqliteScrmDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ToString())
            .Options;

    /// <summary>Returns the path of the cached database, building it first when there is none for this version.</summary>
    public static async Task<string> EnsureAsync(CancellationToken ct = default)
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } chosen)
        {
            Console.WriteLine($"// Benchmark database: {chosen} (from {OverrideVariable})");
            return File.Exists(chosen) ? chosen : throw new FileNotFoundException($"{OverrideVariable} names a file that does not exist.", chosen);
        }

        Directory.CreateDirectory(Folder);
        var file = Path.Combine(Folder, FormattableString.Invariant($"tickets-{TicketCount}-{LatestMigration()}-v{DataVersion}.db"));
        if (File.Exists(file))
        {
            Console.WriteLine($"// Benchmark database: {file} (cached)");
            return file;
        }

        // Built under another name and renamed when complete, so an interrupted build is never taken for a finished one.
        var building = file + ".building";
        DeleteWithSidecars(building);
        var stopwatch = Stopwatch.StartNew();
        await BuildAsync(building, ct);
        File.Move(building, file);
        Console.WriteLine($"// Benchmark database: {file} (built in {stopwatch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s)");
        return file;
    }

    private static async Task BuildAsync(string file, CancellationToken ct)
    {
        // No pooling: the file is renamed afterwards, so no connection may stay open on it.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        ReferenceData reference;
        await using (var db = new SqliteScrmDbContext(new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite(connectionString).Options))
        {
            await db.Database.MigrateAsync(ct);
            reference = await ReferenceData.SeedAsync(db, ct);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        // A half-built file is thrown away, so durability during the load buys nothing.
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;");
        TicketLoader.Load(connection, reference, TicketCount);
        Execute(connection, "ANALYZE;");
        // Same journal mode as the app (DatabaseProvider.PrepareAsync); it is stored in the file.
        Execute(connection, "PRAGMA journal_mode = WAL;");
    }

    internal static string LatestMigration()
    {
        using var db = new SqliteScrmDbContext(Options(":memory:"));
        return db.Database.GetMigrations().Last();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void DeleteWithSidecars(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
