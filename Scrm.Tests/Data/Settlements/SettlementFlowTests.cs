using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data.Providers;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Settlements;

/// <summary>
/// Settlement in the save of the completion, on a real SQLite file with the demo company: 杭州 is tier B; 孙伟 (tech2)
/// works there as 自营 (he was 加盟 until two months ago); the demo's repair tickets have no workflow, so resolving one
/// completes it and reopening it undoes the settlement.
/// </summary>
public sealed class SettlementFlowTests : IAsyncLifetime
{
    private SettlementHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _app = await SettlementHost.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task PublishRepairPricesAsync() => _app.PublishAsync(
        (PricedItemKind.Service, "AC-REPAIR", "B", "自营", 80.00m, 150.00m),
        (PricedItemKind.Service, "AC-REPAIR", "B", "加盟", 90.00m, 150.00m),
        (PricedItemKind.Part, "PIPE-CU-6-10", "B", "自营", 12.34m, 25.00m));

    private async Task<long> RepairWithWorkAsync()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.RecordAsync(id, "tech2", PricedItemKind.Part, "PIPE-CU-6-10", 2.5m, "杭州仓");
        return id;
    }

    [Fact]
    public async Task Resolving_PostsTheWork_PricedByTheCityTierAndThePartnerTypeInForce_AndBooksTheLedger()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();

        await _app.MoveAsync(id, TicketStatus.Resolved);

        var settlement = await _app.QueryAsync(db => db.Settlements.SingleAsync(s => s.TicketId == id, Ct));
        Assert.Equal((SettlementState.Posted, 1, "B"), (settlement.State, settlement.Round, settlement.TierCode));
        Assert.Equal([80.00m, 30.85m], settlement.Lines.Select(l => l.Amount)); // 12.34 × 2.5
        Assert.Equal(110.85m, settlement.Total);
        var ledger = await LedgerAsync(id);
        Assert.Equal([(EarningsKind.Earning, 80.00m), (EarningsKind.Earning, 30.85m)], ledger.Select(e => (e.Kind, e.Amount)));
        Assert.All(ledger, e => Assert.Equal((new DateOnly(2026, 11, 1), false), (e.Month, e.IsAdjustment)));
        Assert.Equal(317.5m, await StockAsync("PIPE-CU-6-10", "杭州仓")); // 320 − 2.5
    }

    /// <summary>The ledger rows are appended after the save's tracked rows with SQL of their own: every column must arrive.</summary>
    [Fact]
    public async Task TheLedgerRows_CarryEveryColumnOfTheirLine()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();

        await _app.MoveAsync(id, TicketStatus.Resolved);

        var settlementId = await _app.QueryAsync(db => db.Settlements.Where(s => s.TicketId == id).Select(s => s.Id).SingleAsync(Ct));
        var tech2 = await _app.QueryAsync(db => db.UserProfiles.Where(u => u.UserName == "tech2").Select(u => u.Id).SingleAsync(Ct));
        var ledger = await LedgerAsync(id);
        Assert.Equal(
            [
                (tech2, id, settlementId, 1, EarningsKind.Earning, PricedItemKind.Service, "空调维修（不含配件）", 1m, 80.00m, 150.00m),
                (tech2, id, settlementId, 2, EarningsKind.Earning, PricedItemKind.Part, "铜管 6/10（挂机）", 2.5m, 30.85m, 62.50m),
            ],
            ledger.Select(e => (e.PayeeId, e.TicketId, e.SettlementId, e.LineNumber, e.Kind, e.ItemKind, e.ItemName, e.Quantity, e.Amount, e.CustomerAmount)));
        Assert.All(ledger, e => Assert.Equal((TestApp().UtcDateTime, DateTimeKind.Utc), (e.PostedAt, e.PostedAt.Kind)));
    }

    [Fact]
    public async Task ALedgerRowTheDatabaseRefuses_UndoesTheWholeCompletion()
    {
        await PublishRepairPricesAsync();
        var settled = await RepairWithWorkAsync();
        await _app.MoveAsync(settled, TicketStatus.Resolved);
        var id = await RepairWithWorkAsync();
        var agent = await _app.ActorAsync("agent");

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => _app.QueryAsync(async db =>
        {
            db.Actor = agent;
            (await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id, Ct)).ChangeStatus(TicketStatus.Resolved, _app.Clock);
            // The first ticket's earnings again: (settlement, line, kind) is unique.
            var earlier = await db.Settlements.SingleAsync(s => s.TicketId == settled, Ct);
            db.Appended.Add(EarningsEntry.For(earlier, EarningsKind.Earning, new DateOnly(2026, 11, 1), _app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Contains("UNIQUE", refused.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(TicketStatus.InProgress, await _app.QueryAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Status).SingleAsync(Ct)));
        Assert.Equal(0, await _app.QueryAsync(db => db.Settlements.CountAsync(s => s.TicketId == id, Ct)));
        Assert.Empty(await LedgerAsync(id));
        Assert.Equal(2, (await LedgerAsync(settled)).Count);
    }

    /// <summary>
    /// On a retrying provider (SQL Server) a save outside a unit of work has no transaction of its own to append the ledger
    /// rows in after EF's: EF writes them with the completion, so a refused ledger row still undoes the whole completion.
    /// </summary>
    [Fact]
    public async Task ACompletionSavedWithoutATransaction_IsStillAllOrNothing()
    {
        await PublishRepairPricesAsync();
        var settled = await RepairWithWorkAsync();
        await _app.MoveAsync(settled, TicketStatus.Resolved);
        var id = await RepairWithWorkAsync();
        var options = new DbContextOptionsBuilder<SqliteScrmDbContext>()
            .UseSqlite($"Data Source={_app.File}", sqlite => sqlite.ExecutionStrategy(d => new RetryingStrategy(d))).Options;
        await using var db = new SqliteScrmDbContext(options)
        {
            Actor = await _app.ActorAsync("agent"),
            Pipeline = _app.Host.Services.GetRequiredService<SaveServices>(),
        };
        (await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == id, Ct)).ChangeStatus(TicketStatus.Resolved, _app.Clock);
        var earlier = await db.Settlements.SingleAsync(s => s.TicketId == settled, Ct);
        db.Appended.Add(EarningsEntry.For(earlier, EarningsKind.Earning, new DateOnly(2026, 11, 1), _app.Clock.GetUtcNow().UtcDateTime));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal(TicketStatus.InProgress, await _app.QueryAsync(q => q.Tickets.Where(t => t.Id == id).Select(t => t.Status).SingleAsync(Ct)));
        Assert.Empty(await LedgerAsync(id));
    }

    /// <summary>Retries nothing, but counts as retrying: the save may not begin a transaction of its own.</summary>
    private sealed class RetryingStrategy(ExecutionStrategyDependencies dependencies) : ExecutionStrategy(dependencies, 1, TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }

    [Fact]
    public async Task AMissingPrice_HoldsTheSettlementWithItsReason_AndBooksNothing()
    {
        await _app.PublishAsync((PricedItemKind.Service, "AC-REPAIR", "B", "加盟", 90.00m, 150.00m));
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);

        await _app.MoveAsync(id, TicketStatus.Resolved);

        var settlement = await _app.QueryAsync(db => db.Settlements.SingleAsync(s => s.TicketId == id, Ct));
        Assert.Equal(SettlementState.Held, settlement.State);
        var hold = Assert.Single(settlement.Holds);
        Assert.Equal((HoldReason.NoPrice, "空调维修（不含配件）"), (hold.Reason, hold.ItemName));
        Assert.Empty(settlement.Lines);
        Assert.Empty(await LedgerAsync(id));
    }

    [Fact]
    public async Task Reopening_ReversesEveryLine_AndResolvingAgain_PostsRoundTwo()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();
        await _app.MoveAsync(id, TicketStatus.Resolved);

        await _app.MoveAsync(id, TicketStatus.InProgress);
        await _app.MoveAsync(id, TicketStatus.Resolved);

        var settlements = await _app.QueryAsync(db => db.Settlements.Where(s => s.TicketId == id).OrderBy(s => s.Round).ToListAsync(Ct));
        Assert.Equal([(1, SettlementState.Reversed), (2, SettlementState.Posted)], settlements.Select(s => (s.Round, s.State)));
        Assert.Equal(ReversalKind.Reopened, settlements[0].ReversalKind);
        var ledger = await LedgerAsync(id);
        Assert.Equal([80.00m, 30.85m, -80.00m, -30.85m, 80.00m, 30.85m], ledger.Select(e => e.Amount));
        Assert.Equal(110.85m, ledger.Sum(e => e.Amount));
    }

    [Fact]
    public async Task CancellingAHeldSettlementsTicket_WithdrawsIt()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.MoveAsync(id, TicketStatus.Resolved); // nothing recorded: held
        await _app.MoveAsync(id, TicketStatus.InProgress);

        var settlement = await _app.QueryAsync(db => db.Settlements.SingleAsync(s => s.TicketId == id, Ct));

        Assert.Equal(SettlementState.Withdrawn, settlement.State);
        Assert.Equal(HoldReason.NoWork, Assert.Single(settlement.Holds).Reason);
        Assert.Empty(await LedgerAsync(id));
    }

    [Fact]
    public async Task FiftyCompletionsAtOnce_SettleOnce()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();
        var agent = await _app.ActorAsync("agent");
        var version = (await _app.Host.Tickets.GetAsync(agent, id, Ct))!.Version;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(async () =>
        {
            try
            {
                await _app.Host.Tickets.ChangeStatusAsync(agent, id, version, TicketStatus.Resolved, Ct);
                return true;
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DbUpdateException or DomainException)
            {
                return false;
            }
        }, Ct)));

        Assert.Equal(1, outcomes.Count(done => done));
        Assert.Equal(1, await _app.QueryAsync(db => db.Settlements.CountAsync(s => s.TicketId == id, Ct)));
        Assert.Equal(2, (await LedgerAsync(id)).Count);
    }

    /// <summary>
    /// A job or an import that completes many tickets in one save: the settlement handler reads for all of them at once,
    /// and each must still be priced, held or reversed exactly as if it had been saved alone.
    /// </summary>
    [Fact]
    public async Task ManyCompletionsInOneSave_EachSettlesAsItWouldAlone()
    {
        await PublishRepairPricesAsync();
        var withParts = await RepairWithWorkAsync();
        var twoRepairs = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(twoRepairs, "tech2", PricedItemKind.Service, "AC-REPAIR", 2m);
        var noWork = await _app.StartedRepairAsync("杭州", "tech2");
        var unpriced = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(unpriced, "tech2", PricedItemKind.Service, "FR-REPAIR", 1m);
        var settledBefore = await RepairWithWorkAsync();
        await _app.MoveAsync(settledBefore, TicketStatus.Resolved);
        var agent = await _app.ActorAsync("agent");
        long[] all = [withParts, twoRepairs, noWork, unpriced, settledBefore];

        await _app.QueryAsync(async db =>
        {
            db.Actor = agent;
            foreach (var ticket in await db.Tickets.Include(t => t.Fields).Where(t => all.Contains(t.Id)).ToListAsync(Ct))
            {
                ticket.ChangeStatus(ticket.Id == settledBefore ? TicketStatus.InProgress : TicketStatus.Resolved, _app.Clock);
            }

            return await db.SaveChangesAsync(Ct);
        });

        var settlements = await _app.QueryAsync(db => db.Settlements.ToListAsync(Ct));
        SettlementState StateOf(long id, int round = 1) => settlements.Single(s => s.TicketId == id && s.Round == round).State;
        Assert.Equal(
            [SettlementState.Posted, SettlementState.Posted, SettlementState.Held, SettlementState.Held, SettlementState.Reversed],
            all.Select(id => StateOf(id)));
        Assert.Equal([80.00m, 30.85m], (await LedgerAsync(withParts)).Select(e => e.Amount));
        Assert.Equal([160.00m], (await LedgerAsync(twoRepairs)).Select(e => e.Amount));
        Assert.Equal(HoldReason.NoWork, Assert.Single(settlements.Single(s => s.TicketId == noWork).Holds).Reason);
        var hold = Assert.Single(settlements.Single(s => s.TicketId == unpriced).Holds);
        Assert.Equal((HoldReason.NoPrice, "冰箱维修"), (hold.Reason, hold.ItemName));
        Assert.Empty(await LedgerAsync(unpriced));
        Assert.Equal([80.00m, 30.85m, -80.00m, -30.85m], (await LedgerAsync(settledBefore)).Select(e => e.Amount));
    }

    [Fact]
    public async Task TheSameCompletionSavedTwice_IsRefusedByTheUniqueIndex()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");

        await _app.QueryAsync(async db =>
        {
            db.Settlements.Add(Settlement.Open(id, 1, TestApp().UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        });
        var second = await Assert.ThrowsAsync<DbUpdateException>(() => _app.QueryAsync(async db =>
        {
            db.Settlements.Add(Settlement.Open(id, 1, TestApp().UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        }));

        Assert.Contains("UNIQUE", second.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReversalInALaterMonth_LandsThereAsAnAdjustment_AndTheConfirmedMonthKeepsItsTotal()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();
        await _app.MoveAsync(id, TicketStatus.Resolved);
        _app.Clock.Advance(TimeSpan.FromDays(7)); // 2026-12-02
        var payee = await _app.QueryAsync(db => db.UserProfiles.Where(u => u.UserName == "tech2").Select(u => u.Id).SingleAsync(Ct));
        await _app.QueryAsync(async db =>
        {
            db.Statements.Add(Statement.Confirm(payee, new DateOnly(2026, 11, 1), 110.85m, 2, "finance", _app.Clock.GetUtcNow().UtcDateTime));
            return await db.SaveChangesAsync(Ct);
        });

        await _app.MoveAsync(id, TicketStatus.InProgress);

        var ledger = await LedgerAsync(id);
        Assert.Equal(110.85m, ledger.Where(e => e.Month == new DateOnly(2026, 11, 1)).Sum(e => e.Amount));
        var december = ledger.Where(e => e.Month == new DateOnly(2026, 12, 1)).ToList();
        Assert.Equal([-80.00m, -30.85m], december.Select(e => e.Amount));
        Assert.All(december, e => Assert.True(e.IsAdjustment));
    }

    [Fact]
    public async Task TheLedger_RefusesAnUpdateOrDelete_FromTheAppAndFromSql()
    {
        await PublishRepairPricesAsync();
        var id = await RepairWithWorkAsync();
        await _app.MoveAsync(id, TicketStatus.Resolved);

        var fromApp = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.QueryAsync(async db =>
        {
            db.EarningsEntries.Remove(await db.EarningsEntries.FirstAsync(Ct));
            return await db.SaveChangesAsync(Ct);
        }));
        var update = await Assert.ThrowsAnyAsync<Exception>(() => _app.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("""UPDATE "EarningsEntries" SET "Amount" = 1""", Ct)));
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => _app.QueryAsync(db =>
            db.Database.ExecuteSqlRawAsync("""DELETE FROM "EarningsEntries" """, Ct)));

        Assert.Contains("append-only", fromApp.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal([80.00m, 30.85m], (await LedgerAsync(id)).Select(e => e.Amount));
    }

    private static DateTimeOffset TestApp() => Scrm.Tests.Web.TestApp.Now;

    private Task<List<EarningsEntry>> LedgerAsync(long ticketId) =>
        _app.QueryAsync(db => db.EarningsEntries.Where(e => e.TicketId == ticketId).OrderBy(e => e.Id).ToListAsync(Ct));

    private Task<decimal> StockAsync(string code, string warehouse) => _app.QueryAsync(async db =>
    {
        var part = await db.SpareParts.SingleAsync(p => p.Code == code, Ct);
        return part.StockIn(await db.Warehouses.Where(w => w.Name == warehouse).Select(w => w.Id).SingleAsync(Ct));
    });
}
