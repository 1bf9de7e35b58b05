using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Scrm.Data.Providers;

/// <summary>The one place that knows which databases exist and how each is switched on.</summary>
public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";

    internal static void AddContextFactory(IServiceCollection services, string provider, string connectionString)
    {
        switch (provider)
        {
            case Sqlite:
                EnsureSqliteFolder(connectionString);
                services.AddDbContextFactory<SqliteScrmDbContext>(o => o.UseSqlite(connectionString));
                services.AddSingleton<Func<ScrmDbContext>>(sp => () => sp.GetRequiredService<IDbContextFactory<SqliteScrmDbContext>>().CreateDbContext());
                break;
            case SqlServer:
                // Commands run inside the execution strategy (UnitOfWork), so a transient fault retries the whole command.
                services.AddDbContextFactory<SqlServerScrmDbContext>(o => o.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()));
                services.AddSingleton<Func<ScrmDbContext>>(sp => () => sp.GetRequiredService<IDbContextFactory<SqlServerScrmDbContext>>().CreateDbContext());
                break;
            default:
                throw new InvalidOperationException($"Database:Provider is \"{provider}\"; use \"{Sqlite}\" or \"{SqlServer}\".");
        }
    }

    /// <summary>WAL lets the ticket list read while a save is writing. The setting is stored in the file.</summary>
    internal static async Task PrepareAsync(ScrmDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>Increments (or starts at 1) the counter row of <c>@day</c> and returns its new value, in one statement.</summary>
    internal static string NextTicketSequenceSql(ScrmDbContext db) => db.Database.IsSqlite()
        ? """
          INSERT INTO "TicketNumberCounters" ("Day", "Last") VALUES (@day, 1)
          ON CONFLICT ("Day") DO UPDATE SET "Last" = "Last" + 1
          RETURNING "Last";
          """
        : """
          MERGE [TicketNumberCounters] WITH (HOLDLOCK) AS c
          USING (SELECT @day AS [Day]) AS d ON c.[Day] = d.[Day]
          WHEN MATCHED THEN UPDATE SET [Last] = c.[Last] + 1
          WHEN NOT MATCHED THEN INSERT ([Day], [Last]) VALUES (d.[Day], 1)
          OUTPUT inserted.[Last];
          """;

    /// <summary>Whether a save was refused by a unique index (each database says so in its own words).</summary>
    public static bool IsUniqueViolation(DbUpdateException e) => e.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUniqueConstraint or SqlitePrimaryKeyConstraint,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is SqlServerDuplicateKeyRow or SqlServerUniqueConstraint,
        _ => false,
    };

    private const int SqliteUniqueConstraint = 2067; // SQLITE_CONSTRAINT_UNIQUE
    private const int SqlitePrimaryKeyConstraint = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqlServerDuplicateKeyRow = 2601; // unique index
    private const int SqlServerUniqueConstraint = 2627; // unique constraint

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}
