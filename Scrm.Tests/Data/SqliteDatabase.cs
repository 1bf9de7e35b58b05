using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Data.Identity;
using Scrm.Data.Providers;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// One in-memory SQLite database per test class (use as <c>IClassFixture</c>), created by the real migrations.
/// The connection stays open for the class's lifetime: closing it would drop the database.
/// </summary>
public sealed class SqliteDatabase : IAsyncLifetime
{
    private readonly SqliteConnection _connection = new("DataSource=:memory:");
    private int _sequence;

    public async ValueTask InitializeAsync()
    {
        await _connection.OpenAsync();
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>A fresh context on the shared database: nothing tracked, everything read from SQL.</summary>
    /// <param name="interceptor">Lets a test watch the commands, transactions or saves the context runs.</param>
    /// <param name="strategy">Replaces SQLite's execution strategy, which never retries.</param>
    public SqliteScrmDbContext CreateContext(Actor? actor = null, TimeProvider? clock = null, SaveServices? pipeline = null, IInterceptor? interceptor = null,
        Func<ExecutionStrategyDependencies, IExecutionStrategy>? strategy = null) =>
        new(Options(interceptor, strategy))
        {
            Actor = actor ?? Actor.System(),
            Pipeline = (pipeline ?? SaveServices.Default) with { Clock = clock ?? pipeline?.Clock ?? TimeProvider.System },
        };

    private DbContextOptions<SqliteScrmDbContext> Options(IInterceptor? interceptor, Func<ExecutionStrategyDependencies, IExecutionStrategy>? strategy)
    {
        var options = new DbContextOptionsBuilder<SqliteScrmDbContext>().UseSqlite(_connection, sqlite =>
        {
            if (strategy is not null)
            {
                sqlite.ExecutionStrategy(strategy);
            }
        });
        return (interceptor is null ? options : options.AddInterceptors(interceptor)).Options;
    }

    /// <summary>Template names and ticket numbers are unique in the database; tests in one class share it.</summary>
    public int Next() => Interlocked.Increment(ref _sequence);

    public TicketNumber NextNumber() => new(new DateOnly(2026, 11, 25), Next());

    /// <summary>Saves a template (tickets need its Id) under a name no other test of the class uses.</summary>
    public async Task<TicketTemplate> SaveTemplateAsync(TemplateBuilder? builder = null)
    {
        var template = (builder ?? new TemplateBuilder()).Named($"Template {Next()}").Build();
        await using var db = CreateContext();
        db.TicketTemplates.Add(template);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return template;
    }

    /// <summary>A login with its profile, so tickets can be assigned to it.</summary>
    public async Task<string> SaveUserAsync(string displayName)
    {
        var id = $"user-{Next()}";
        await using var db = CreateContext();
        db.Users.Add(new ScrmUser { Id = id, UserName = id });
        db.UserProfiles.Add(new UserProfile(id, id, displayName, Role.Technician));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return id;
    }
}
