using System.Data.Common;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Providers;
using Scrm.Domain.Tickets;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// The seeded app (as <see cref="ServiceFixture"/>) with its own caches, whose every database command and every node
/// visit read is counted: a test asks how many statements a call sent to the database and how many visits it loaded.
/// </summary>
public sealed class CountedApp : IAsyncDisposable
{
    private readonly SqliteConnection _keepAlive;

    private CountedApp(ServiceProvider services, SqliteConnection keepAlive, DatabaseCounter counter)
    {
        Services = services;
        _keepAlive = keepAlive;
        Counter = counter;
    }

    public ServiceProvider Services { get; }

    public DatabaseCounter Counter { get; }

    public static async Task<CountedApp> StartAsync()
    {
        var counter = new DatabaseCounter();
        var services = new ServiceCollection();
        var keepAlive = services.AddScrmForTests();
        services.ConfigureDbContext<SqliteScrmDbContext>(o => o.AddInterceptors(counter));
        services.AddLogging();
        services.AddScoped<TestAuthenticationStateProvider>();
        services.AddScoped<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationStateProvider>());
        var provider = services.BuildServiceProvider();
        await TestApp.SeedAsync(provider);
        return new CountedApp(provider, keepAlive, counter);
    }

    public async Task<AsyncServiceScope> SignInAsync(string userName)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TestAuthenticationStateProvider>().User = await TestApp.PrincipalAsync(Services, userName);
        return scope;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await _keepAlive.DisposeAsync();
    }
}

/// <summary>Counts the commands EF sends and the <see cref="NodeVisit"/>s it materializes, from <see cref="Reset"/> on.</summary>
public sealed class DatabaseCounter : DbCommandInterceptor, IMaterializationInterceptor
{
    private readonly List<string> _commands = [];
    private int _visits;

    /// <summary>The SQL of each command since the last reset, so a failing count shows what ran.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public int VisitsLoaded => Volatile.Read(ref _visits);

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }

        Interlocked.Exchange(ref _visits, 0);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is NodeVisit)
        {
            Interlocked.Increment(ref _visits);
        }

        return entity;
    }

    private void Record(DbCommand command)
    {
        lock (_commands)
        {
            _commands.Add(command.CommandText);
        }
    }
}
