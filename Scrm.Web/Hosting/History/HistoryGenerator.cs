using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Hosting.History;

/// <summary>What a generation wrote.</summary>
public sealed record HistoryReport(int Technicians, long Tickets, long Visits, long WorkLines, long Settlements, long SettlementLines,
    long LedgerEntries, TimeSpan Took, RollupRebuildResult Rollups);

/// <summary>
/// Fills a SQLite database with the demo company's history at scale (issue 11): tickets over the last months, walked
/// through the real domain, written in bulk (raw prepared INSERTs in large transactions, not the save pipeline, which
/// would take hours for a million tickets), then the rollups rebuilt from them once. Deterministic for a seed.
/// </summary>
public static class HistoryGenerator
{
    /// <summary>More tickets than the demo company seeds: a real or already generated history, left alone unless appending.</summary>
    public const int DemoTicketLimit = 1000;

    private const int TicketsPerTransaction = 50_000;

    public static async Task<HistoryReport> RunAsync(ScrmDbContext db, TimeProvider time, HistoryOptions options, Action<string> log, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException("generate-history writes SQLite only.");
        }

        var started = Stopwatch.StartNew();
        await DemoCompanySeeder.SeedAsync(db, time, ct: ct);
        var existing = await db.Tickets.CountAsync(ct);
        if (existing > DemoTicketLimit && !options.Append)
        {
            throw new InvalidOperationException($"The database already holds {existing:N0} tickets; pass --append to add a history to it anyway.");
        }

        var random = new Random(options.Seed);
        var now = time.GetUtcNow().UtcDateTime;
        var technicians = await GeneratedTechnicians.AddAsync(db, random, 300, ct);
        var world = await HistoryWorld.LoadAsync(db, EffectiveDates.ChinaDate(now), ct);
        var counters = await db.TicketNumberCounters.AsNoTracking().ToDictionaryAsync(c => c.Day, c => c.Last, ct);
        var moments = TicketCalendar.Moments(options.Tickets, options.Months, now, random);
        log($"Seeded and loaded in {started.Elapsed.TotalSeconds:N1} s; writing {moments.Length:N0} tickets…");

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
            var indexes = DropIndexes(connection);
            HistoryReport report;
            using (var writer = new HistoryWriter(connection))
            {
                var story = new TicketStory(world, random, now);
                for (var i = 0; i < moments.Length; i++)
                {
                    if (i % TicketsPerTransaction == 0)
                    {
                        writer.Checkpoint();
                        if (i > 0)
                        {
                            log($"  {i:N0} tickets, {started.Elapsed.TotalSeconds:N0} s");
                        }
                    }

                    var day = EffectiveDates.ChinaDate(moments[i]);
                    var key = TicketNumber.DayKey(day);
                    var sequence = counters[key] = counters.GetValueOrDefault(key) + 1;
                    writer.Write(story.Tell(writer.NextId("Tickets"), new TicketNumber(day, sequence), moments[i]));
                }

                writer.Complete();
                WriteCounters(connection, counters);
                log($"Wrote {writer.Tickets:N0} tickets in {started.Elapsed.TotalSeconds:N0} s; indexing…");
                Execute(connection, string.Concat(indexes.Select(sql => sql + ";")) + "ANALYZE; PRAGMA synchronous = FULL;");
                log($"Indexed in {started.Elapsed.TotalSeconds:N0} s; rebuilding the rollups…");
                var rollups = await RollupRebuild.RunAsync(db, time, ct);
                report = new HistoryReport(technicians, writer.Tickets, writer.Visits, writer.WorkLines, writer.Settlements, writer.SettlementLines,
                    writer.LedgerEntries, started.Elapsed, rollups);
            }

            return report;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Moves each day's ticket-number counter past the generated numbers, so tickets created in the app do not collide.</summary>
    private static void WriteCounters(SqliteConnection connection, Dictionary<string, int> counters)
    {
        using var counter = new BulkInsert(connection, "TicketNumberCounters", "Day", "Last");
        using var transaction = connection.BeginTransaction();
        using (var delete = connection.CreateCommand())
        {
            delete.Transaction = transaction;
            delete.CommandText = "DELETE FROM \"TicketNumberCounters\";";
            delete.ExecuteNonQuery();
        }

        counter.Use(transaction);
        foreach (var (day, last) in counters)
        {
            counter.Add(day, last);
        }

        transaction.Commit();
    }

    /// <summary>
    /// Drops the secondary indexes of the tables the generator fills and returns their CREATE statements: building each
    /// once from sorted rows at the end is far cheaper than a random B-tree insert per row once the file outgrows the
    /// cache. (A generation that fails half-way leaves them dropped; start again on a new file.)
    /// </summary>
    private static List<string> DropIndexes(SqliteConnection connection)
    {
        var indexes = new List<(string Name, string Sql)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN " +
                "('Tickets', 'TicketFieldValue', 'NodeVisit', 'WorkLines', 'Settlements', 'SettlementLines', 'EarningsEntries');";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Execute(connection, string.Concat(indexes.Select(i => $"DROP INDEX \"{i.Name}\";")));
        return indexes.Select(i => i.Sql).ToList();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
