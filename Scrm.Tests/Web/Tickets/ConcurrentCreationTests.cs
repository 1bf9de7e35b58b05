using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>Fifty desks pressing "create" at the same moment on a SQLite file: every ticket saved, fifty consecutive numbers.</summary>
public sealed class ConcurrentCreationTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"scrm-concurrent-{Guid.NewGuid():N}");
    private ServiceProvider _services = default!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestApp.Now));
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={Path.Combine(_folder, "scrm.db")}",
        }).Build());
        services.AddScrmFeatures();
        _services = services.BuildServiceProvider();
        await TestApp.SeedAsync(_services);
        await _services.MigrateScrmDatabaseAsync(); // switches the file to WAL, as the app does at start
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FiftySimultaneousCreations_AllSucceed_WithFiftyConsecutiveNumbers()
    {
        var ct = TestContext.Current.CancellationToken;
        var agent = await TestApp.ActorAsync(_services, "agent");
        TicketForm form;
        await using (var scope = _services.CreateAsyncScope())
        {
            form = await DemoTicketForms.RepairAsync(scope);
        }

        var created = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            await using var scope = _services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(agent, form, ct);
        }, ct)));

        var numbers = created.Select(c => TicketNumber.TryParse(c.Number, out var n) ? n! : throw new FormatException(c.Number)).ToList();
        Assert.Single(numbers.Select(n => n.Day).Distinct());
        var sequences = numbers.Select(n => n.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 50), sequences);
        Assert.Equal(50, created.Select(c => c.Id).Distinct().Count());
    }
}
