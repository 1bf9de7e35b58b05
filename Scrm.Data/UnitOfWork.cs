using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;

namespace Scrm.Data;

/// <summary>
/// Runs a command for an explicit actor: a fresh context per attempt, inside the provider's execution strategy so a
/// moment's outage is retried (the whole command again, reading afresh), after checking that the actor's session is
/// still what the database says. Pages, endpoints, jobs and imports all run their commands through it.
/// </summary>
public sealed class UnitOfWork(IDbContextFactory<ScrmDbContext> factory)
{
    public async Task<T> RunAsync<T>(Actor actor, Func<ScrmDbContext, CancellationToken, Task<T>> command, CancellationToken ct = default)
    {
        await using var probe = await factory.CreateDbContextAsync(ct);
        return await probe.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var db = await factory.CreateDbContextAsync(token);
            db.Actor = actor;
            await Sessions.EnsureCurrentAsync(db, actor, token);
            return await command(db, token);
        }, ct);
    }

    public Task RunAsync(Actor actor, Func<ScrmDbContext, CancellationToken, Task> command, CancellationToken ct = default) =>
        RunAsync<bool>(actor, async (db, token) =>
        {
            await command(db, token);
            return true;
        }, ct);

    /// <summary>A read: one context, no session check (the caller's access policy decides what it may see).</summary>
    public async Task<T> ReadAsync<T>(Func<ScrmDbContext, CancellationToken, Task<T>> query, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        return await query(db, ct);
    }
}
