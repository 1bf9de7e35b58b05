using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;

namespace Scrm.Tests.Web.Admin;

/// <summary>
/// Holds the test database's write lock until disposed: a rebuild started meanwhile waits at its own transaction, so a
/// test sees it running for as long as it needs, with no sleep.
/// </summary>
internal sealed class WriteGate : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private WriteGate(SqliteConnection connection, SqliteTransaction transaction) => (_connection, _transaction) = (connection, transaction);

    public static async Task<WriteGate> CloseAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
        var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        // Not deferred: BEGIN IMMEDIATE takes the write lock at once.
        return new WriteGate(connection, connection.BeginTransaction(deferred: false));
    }

    /// <summary>Opens the gate: the transaction rolls back (a pooled connection would otherwise keep it) and the lock is released.</summary>
    public async ValueTask DisposeAsync()
    {
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
