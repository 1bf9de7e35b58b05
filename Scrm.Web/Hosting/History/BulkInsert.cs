using Microsoft.Data.Sqlite;

namespace Scrm.Web.Hosting.History;

/// <summary>
/// One prepared, parameterised INSERT reused for every row of a table (SQLite), in whatever transaction is current.
/// Values go in as Microsoft.Data.Sqlite binds them, which is how EF Core writes them too: DateTime as
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, DateOnly as <c>yyyy-MM-dd</c>, bool as 0/1.
/// </summary>
internal sealed class BulkInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public BulkInsert(SqliteConnection connection, string table, params string[] columns)
    {
        _command = connection.CreateCommand();
        _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))});";
        _parameters = columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
    }

    public long Rows { get; private set; }

    public void Use(SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        _command.Prepare();
    }

    public void Add(params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        _command.ExecuteNonQuery();
        Rows++;
    }

    public void Dispose() => _command.Dispose();
}
