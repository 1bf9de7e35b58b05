using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Data;

public sealed class DataRegistrationTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    // Commands run inside the execution strategy (UnitOfWork), so SQL Server retries a transient fault.
    [Fact]
    public async Task AddScrmData_SqlServerContextRetriesOnFailure()
    {
        await using var services = Services("SqlServer", "Server=.;Database=x;Trusted_Connection=True");
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(_ct);

        Assert.True(db.Database.IsSqlServer());
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
    }

    [Fact]
    public void AddScrmData_Throws_WhenProviderUnknown()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Services("Oracle", "Data Source=x"));

        Assert.Contains("Oracle", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateScrmDatabase_CreatesSqliteFile_AndFactorySavesWithAudit()
    {
        var folder = Path.Combine(Path.GetTempPath(), "scrm-tests-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "nested", "scrm.db");
        try
        {
            await using (var services = Services("Sqlite", $"Data Source={file}"))
            {
                await services.MigrateScrmDatabaseAsync(_ct);
                await using var scope = services.CreateAsyncScope();
                var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>();

                var template = new TemplateBuilder().Build();
                await using (var db = await factory.CreateDbContextAsync(_ct))
                {
                    db.TicketTemplates.Add(template);
                    await db.SaveChangesAsync(_ct);
                    db.Tickets.Add(new TicketBuilder().From(template).Build());
                    await db.SaveChangesAsync(_ct);
                }

                await using var check = await factory.CreateDbContextAsync(_ct);
                Assert.Equal(1, await check.Tickets.CountAsync(_ct));
                var created = await check.AuditEntries.SingleAsync(a => a.EntityType == "Ticket", _ct);
                Assert.Equal("system", created.ActorId);
            }

            Assert.True(File.Exists(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static ServiceProvider Services(string provider, string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Scrm"] = connectionString,
        }).Build();
        return new ServiceCollection().AddScrmData(configuration).BuildServiceProvider();
    }
}
