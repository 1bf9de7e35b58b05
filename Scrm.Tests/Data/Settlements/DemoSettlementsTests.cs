using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Settlements;
using Scrm.Tests.Web;
using Scrm.Web;
using Xunit;

namespace Scrm.Tests.Data.Settlements;

/// <summary>
/// The demo company as the app seeds it (with its settlement handlers), on a real SQLite file, at the test time
/// 2026-11-25 14:00 China time: finance finds a living month.
/// </summary>
public sealed class DemoSettlementsTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"scrm-demo-settlements-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(TestApp.Now));
        services.AddScrmData(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scrm"] = $"Data Source={_file}",
        }).Build());
        services.AddScrmFeatures();
        _services = services.BuildServiceProvider();
        await _services.MigrateScrmDatabaseAsync();
        await using var db = await NewContextAsync();
        await DemoCompanySeeder.SeedAsync(db, _services.GetRequiredService<TimeProvider>(), ticketCount: 10, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task SettledJobs_CoverTheLastTwoMonths_AndNothingIsHeld()
    {
        await using var db = await NewContextAsync();
        var months = await db.Settlements.Where(s => s.State == SettlementState.Posted).Select(s => s.CompletedAt).ToListAsync(Ct);

        Assert.True(months.Count >= 30, $"{months.Count} posted settlements");
        Assert.Contains(months, at => at.Month == 9);
        Assert.Contains(months, at => at.Month == 10);
        Assert.Contains(months, at => at.Month == 11);
        Assert.False(await db.Settlements.AnyAsync(s => s.State == SettlementState.Held, Ct));
    }

    [Fact]
    public async Task OneStatementOfOctober_IsConfirmed_WithTheLedgersTotal()
    {
        await using var db = await NewContextAsync();
        var statement = await db.Statements.SingleAsync(Ct);
        var ledger = await db.EarningsEntries.Where(e => e.PayeeId == statement.PayeeId && e.Month == statement.Month).Select(e => e.Amount).ToListAsync(Ct);

        Assert.Equal((new DateOnly(2026, 10, 1), StatementState.Confirmed), (statement.Month, statement.State));
        Assert.NotEmpty(ledger);
        Assert.Equal((ledger.Sum(), ledger.Count), (statement.Total, statement.LineCount));
    }

    [Fact]
    public async Task TheJobReopenedAfterOctoberWasConfirmed_IsReversedInNovember_AsAnAdjustment_AndSettledAgain()
    {
        await using var db = await NewContextAsync();
        var reversed = await db.Settlements.SingleAsync(s => s.State == SettlementState.Reversed, Ct);
        var reversal = await db.EarningsEntries.Where(e => e.SettlementId == reversed.Id && e.Kind == EarningsKind.Reversal).ToListAsync(Ct);
        var again = await db.Settlements.SingleAsync(s => s.TicketId == reversed.TicketId && s.Round == 2, Ct);

        Assert.Equal(10, reversed.CompletedAt.Month);
        Assert.NotEmpty(reversal);
        Assert.All(reversal, e => Assert.Equal((new DateOnly(2026, 11, 1), true), (e.Month, e.IsAdjustment)));
        Assert.Equal(-reversed.Total, reversal.Sum(e => e.Amount));
        Assert.Equal(SettlementState.Posted, again.State);
    }

    [Fact]
    public async Task EverySettlement_BalancesWithItsLedgerRows()
    {
        await using var db = await NewContextAsync();
        var settlements = await db.Settlements.ToListAsync(Ct);
        var ledger = await db.EarningsEntries.GroupBy(e => e.SettlementId).Select(g => new { g.Key, Rows = g.Select(e => e.Amount).ToList() }).ToListAsync(Ct);
        var booked = ledger.ToDictionary(l => l.Key, l => l.Rows.Sum());

        Assert.All(settlements, s => Assert.Equal(s.State == SettlementState.Posted ? s.Total : 0m, booked.GetValueOrDefault(s.Id)));
    }

    private Task<ScrmDbContext> NewContextAsync() => _services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
}
