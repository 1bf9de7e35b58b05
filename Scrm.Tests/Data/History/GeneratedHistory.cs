using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Scrm.Tests.Web;
using Scrm.Tests.Web.Outbox;
using Scrm.Web.Hosting.History;
using Xunit;

namespace Scrm.Tests.Data.History;

/// <summary>The demo company plus 10,000 generated tickets over 3 months, on a real SQLite file, generated once for the class.</summary>
public sealed class GeneratedHistory : IAsyncLifetime
{
    private string _file = "";

    public HistoryReport Report { get; private set; } = default!;

    /// <summary>The id of the first generated ticket: the demo company's own tickets come before it.</summary>
    public long FirstId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _file = await OutboxHost.NewDatabaseAsync();
        await using var host = await OutboxHost.StartAsync(_file, new FakeTimeProvider(TestApp.Now));
        FirstId = Scalar("SELECT MAX(Id) + 1 FROM Tickets");
        Report = await host.QueryAsync(db => HistoryGenerator.RunAsync(db, new FakeTimeProvider(TestApp.Now), new HistoryOptions(10_000, 3, Seed: 7),
            _ => { }, TestContext.Current.CancellationToken));
    }

    /// <summary>The rows of a query, each as its column values.</summary>
    public List<object?[]> Rows(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public long Scalar(string sql) => Convert.ToInt64(Rows(sql)[0][0], System.Globalization.CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync()
    {
        OutboxHost.Delete(_file);
        return ValueTask.CompletedTask;
    }
}
