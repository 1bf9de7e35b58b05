using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// A command runs whole inside the execution strategy: a transient fault reruns all of it on a fresh context, any
/// other fault is not retried, and a session that ended is refused before anything is saved.
/// </summary>
public sealed class UnitOfWorkTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private const int SqliteBusy = 5; // SQLITE_BUSY: another writer holds the lock, the classic transient fault
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT: retrying cannot help

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TransientFault_RerunsTheWholeCommand_AndSavesOnce()
    {
        var (attempts, ticketNumber) = await RunCreatingATicketAsync(new FailFirstTicketInsert(SqliteBusy));

        Assert.Equal(2, attempts);
        await using var db = database.CreateContext();
        var id = await db.Tickets.Where(t => t.Number == ticketNumber).Select(t => t.Id).SingleAsync(_ct);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.TicketId == id, _ct));
    }

    [Fact]
    public async Task NonTransientFault_IsNotRetried_AndSavesNothing()
    {
        var interceptor = new FailFirstTicketInsert(SqliteConstraint);

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => RunCreatingATicketAsync(interceptor));

        Assert.Equal(SqliteConstraint, Assert.IsType<SqliteException>(failure.InnerException).SqliteErrorCode);
        Assert.Equal(1, interceptor.TicketInserts);
    }

    public static TheoryData<string> SessionEnds => ["signed out elsewhere", "deactivated", "role changed"];

    [Theory]
    [MemberData(nameof(SessionEnds))]
    public async Task EndedSession_IsRefusedBeforeTheCommandRuns(string how)
    {
        var userId = $"user-{database.Next()}";
        await using (var db = database.CreateContext())
        {
            db.Users.Add(new ScrmUser { Id = userId, UserName = userId, SecurityStamp = "stamp-1" });
            db.UserProfiles.Add(new UserProfile(userId, userId, "Zhao Qiang", Role.Agent));
            await db.SaveChangesAsync(_ct);
        }

        var actor = new Actor(userId, "Zhao Qiang", Role.Agent, ActorChannel.Web, "stamp-1");
        var work = new UnitOfWork(new Factory(database, interceptor: null));
        Assert.True(await work.RunAsync(actor, (_, _) => Task.FromResult(true), _ct)); // still current: runs
        await EndSessionAsync(userId, how);
        var ran = false;

        await Assert.ThrowsAsync<SessionEndedException>(() => work.RunAsync(actor, async (db, token) =>
        {
            ran = true;
            db.Tickets.Add(new TicketBuilder().From(await database.SaveTemplateAsync()).Numbered(database.NextNumber()).Build());
            await db.SaveChangesAsync(token);
        }, _ct));

        Assert.False(ran);
        await using var fresh = database.CreateContext();
        Assert.False(await fresh.AuditEntries.AnyAsync(a => a.ActorId == userId, _ct));
    }

    private async Task EndSessionAsync(string userId, string how)
    {
        await using var db = database.CreateContext();
        _ = how switch
        {
            "signed out elsewhere" => await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, "stamp-2"), _ct),
            "deactivated" => await db.UserProfiles.Where(p => p.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IsActive, false), _ct),
            _ => await db.UserProfiles.Where(p => p.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Role, Role.Technician), _ct),
        };
    }

    /// <summary>Runs a command that creates a ticket through a unit of work whose strategy retries SQLITE_BUSY; returns attempts and the saved number.</summary>
    private async Task<(int Attempts, string Number)> RunCreatingATicketAsync(IInterceptor interceptor)
    {
        var template = await database.SaveTemplateAsync();
        var number = database.NextNumber();
        var attempts = 0;
        var work = new UnitOfWork(new Factory(database, interceptor));
        var saved = await work.RunAsync(Actor.System(), async (db, token) =>
        {
            attempts++;
            var ticket = new TicketBuilder().From(template).Numbered(number).Build();
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(token);
            return ticket.Number;
        }, _ct);
        return (attempts, saved);
    }

    /// <summary>Contexts on the test database with a strategy that retries SQLITE_BUSY (SQLite's own strategy never retries).</summary>
    private sealed class Factory(SqliteDatabase database, IInterceptor? interceptor) : IDbContextFactory<ScrmDbContext>
    {
        public ScrmDbContext CreateDbContext() => database.CreateContext(interceptor: interceptor, strategy: d => new RetryOnBusy(d));
    }

    private sealed class RetryOnBusy(ExecutionStrategyDependencies dependencies)
        : ExecutionStrategy(dependencies, maxRetryCount: 3, maxRetryDelay: TimeSpan.FromMilliseconds(1))
    {
        protected override bool ShouldRetryOn(Exception exception) => exception is SqliteException { SqliteErrorCode: SqliteBusy };

        protected override TimeSpan? GetNextDelay(Exception lastException) => base.GetNextDelay(lastException) is null ? null : TimeSpan.Zero;
    }

    /// <summary>Fails the first INSERT of a ticket with the given SQLite error, as a locked or refusing database would.</summary>
    private sealed class FailFirstTicketInsert(int errorCode) : DbCommandInterceptor
    {
        public int TicketInserts { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"Tickets\"", StringComparison.Ordinal) && ++TicketInserts == 1)
            {
                throw new SqliteException("Injected by the test", errorCode);
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
