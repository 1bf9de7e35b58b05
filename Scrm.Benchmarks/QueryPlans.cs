using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Scrm.Benchmarks.Fixture;
using Scrm.Data.Providers;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Benchmarks;

/// <summary>
/// <c>-- --explain</c>: runs each benchmark query once and prints the SQL EF Core sent, its parameters, the row counts
/// and SQLite's EXPLAIN QUERY PLAN. Measures nothing; it is the first step when a benchmark gets slower.
/// </summary>
public static class QueryPlans
{
    public static async Task PrintAsync()
    {
        var file = await BenchmarkDatabase.EnsureAsync();
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<SqliteScrmDbContext>(BenchmarkDatabase.Options(file)).AddInterceptors(capture).Options;
        await using var db = new SqliteScrmDbContext(options);
        var queries = await BenchmarkQueries.LoadAsync(db);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        // Plans change between SQLite versions (the sqlite3 shell may differ from the library the app bundles).
        Console.WriteLine($"// SQLite {connection.ServerVersion}");

        foreach (var (name, query) in queries.All)
        {
            capture.Commands.Clear();
            var result = await TicketListQuery.RunAsync(db, query, RegionScope.All);
            Console.WriteLine($"==== {name}: {result.Total} tickets, {result.Items.Count} on the page");
            foreach (var command in capture.Commands)
            {
                Console.WriteLine(string.Join(", ", command.Parameters.Select(p => $"{p.Name} = {p.Value}")));
                Console.WriteLine(command.Sql);
                Console.WriteLine("-- plan:");
                Console.WriteLine(await ExplainAsync(connection, command));
            }
        }
    }

    private static async Task<string> ExplainAsync(SqliteConnection connection, CapturedCommand captured)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + captured.Sql;
        foreach (var (name, value) in captured.Parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        // Rows are (id, parent, notused, detail); depth follows the parent chain.
        var depth = new Dictionary<long, int> { [0] = 0 };
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var level = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = level;
            lines.Add(new string(' ', level * 2) + reader.GetString(3));
        }

        return string.Join(Environment.NewLine, lines);
    }

    private sealed record CapturedCommand(string Sql, (string Name, object? Value)[] Parameters);

    private sealed class CommandCapture : DbCommandInterceptor
    {
        public List<CapturedCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new CapturedCommand(command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value is DBNull ? null : p.Value)).ToArray()));
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
