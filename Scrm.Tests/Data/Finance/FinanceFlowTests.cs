using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Tests.Data.Settlements;
using Scrm.Web.Features.Finance;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Finance;

/// <summary>
/// Finance's services on a real SQLite file with the demo company (clock 2026-11-25, China time 14:00): 孙伟 (tech2)
/// works in 杭州 (tier B) as 自营; the repair tickets settle when resolved.
/// </summary>
public sealed class FinanceFlowTests : IAsyncLifetime
{
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);

    private SettlementHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private SettlementService Settlements => _app.Host.Services.GetRequiredService<SettlementService>();
    private StatementService Statements => _app.Host.Services.GetRequiredService<StatementService>();
    private ReconciliationService Reconciliation => _app.Host.Services.GetRequiredService<ReconciliationService>();

    public async ValueTask InitializeAsync() => _app = await SettlementHost.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A 杭州 repair by tech2 with one AC repair and 2.5 m of copper pipe, resolved.</summary>
    private async Task<long> ResolvedRepairAsync()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.RecordAsync(id, "tech2", PricedItemKind.Part, "PIPE-CU-6-10", 2.5m, "杭州仓");
        await _app.MoveAsync(id, TicketStatus.Resolved);
        return id;
    }

    /// <summary>Prices for 自营 in tier B (the franchise price alone when <paramref name="ownStaff"/> is false).</summary>
    private Task PublishAsync(bool ownStaff) => ownStaff
        ? _app.PublishAsync(
            (PricedItemKind.Service, "AC-REPAIR", "B", "自营", 80.00m, 150.00m),
            (PricedItemKind.Part, "PIPE-CU-6-10", "B", "自营", 12.34m, 25.00m))
        : _app.PublishAsync((PricedItemKind.Service, "AC-REPAIR", "B", "加盟", 90.00m, 150.00m));

    private Task<Settlement> SettlementAsync(long ticketId) => _app.QueryAsync(db => db.Settlements.SingleAsync(s => s.TicketId == ticketId, Ct));

    private Task<List<EarningsEntry>> LedgerAsync(long ticketId) =>
        _app.QueryAsync(db => db.EarningsEntries.Where(e => e.TicketId == ticketId).OrderBy(e => e.Id).ToListAsync(Ct));

    [Fact]
    public async Task TheHeldQueue_NamesTheCityTierPartnerTypeAndMissingItem()
    {
        await PublishAsync(ownStaff: false);
        var id = await ResolvedRepairAsync();

        var row = Assert.Single(await Settlements.HeldAsync(await _app.ActorAsync("finance"), Ct), r => r.TicketId == id);

        Assert.Equal(("孙伟", "杭州", "B", "自营"), (row.PayeeName, row.CityName, row.TierCode, row.PartnerTypeName));
        Assert.Equal([(HoldReason.NoPrice, "空调维修（不含配件）"), (HoldReason.NoPrice, "铜管 6/10（挂机）")],
            row.Holds.Select(h => (h.Reason, h.ItemName!)));
    }

    [Fact]
    public async Task PublishingTheMissingPrice_PostsTheHeldSettlement_ThroughTheOutbox()
    {
        await PublishAsync(ownStaff: false);
        var id = await ResolvedRepairAsync();
        var fridge = await _app.StartedRepairAsync("杭州", "tech2"); // retried in the same batch; no version prices it
        await _app.RecordAsync(fridge, "tech2", PricedItemKind.Service, "FR-REPAIR", 1m);
        await _app.MoveAsync(fridge, TicketStatus.Resolved);
        await _app.Host.Dispatcher.DeliverDueAsync(Ct);
        Assert.Equal(SettlementState.Held, (await SettlementAsync(id)).State);

        _app.Clock.Advance(TimeSpan.FromDays(1)); // a version is effective from a day no other published one has
        await PublishAsync(ownStaff: true);
        await _app.Host.Dispatcher.DeliverDueAsync(Ct);

        var settlement = await SettlementAsync(id);
        Assert.Equal((SettlementState.Posted, 110.85m), (settlement.State, settlement.Total));
        Assert.Equal([80.00m, 30.85m], (await LedgerAsync(id)).Select(e => e.Amount));
        var stillHeld = Assert.Single(await Settlements.HeldAsync(await _app.ActorAsync("finance"), Ct));
        Assert.Equal((fridge, HoldReason.NoPrice, "冰箱维修"), (stillHeld.TicketId, Assert.Single(stillHeld.Holds).Reason, stillHeld.Holds[0].ItemName));
    }

    [Fact]
    public async Task RetryingByHand_Posts_AndTheLaterAutomaticRetryBooksNothingMore()
    {
        await PublishAsync(ownStaff: false);
        var id = await ResolvedRepairAsync();
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await PublishAsync(ownStaff: true);
        var finance = await _app.ActorAsync("finance");

        var state = await Settlements.RetryAsync(finance, (await SettlementAsync(id)).Id, Ct);
        await _app.Host.Dispatcher.DeliverDueAsync(Ct);

        Assert.Equal(SettlementState.Posted, state);
        Assert.Equal([80.00m, 30.85m], (await LedgerAsync(id)).Select(e => e.Amount));
        Assert.Equal(new RetryResult(0, 0), await Settlements.RetryAllAsync(finance, Ct));
    }

    [Fact]
    public async Task RecordingTheMissingWork_OnAHeldTicket_PostsIt()
    {
        await PublishAsync(ownStaff: true);
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.MoveAsync(id, TicketStatus.Resolved); // nothing recorded: held
        Assert.Equal(HoldReason.NoWork, Assert.Single((await SettlementAsync(id)).Holds).Reason);

        await _app.RecordAsync(id, "agent", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.Host.Dispatcher.DeliverDueAsync(Ct);

        Assert.Equal((SettlementState.Posted, 80.00m), ((await SettlementAsync(id)).State, (await SettlementAsync(id)).Total));
    }

    [Fact]
    public async Task ARefund_ReversesEveryLine_WithItsReason_AndIsRefusedTwice()
    {
        await PublishAsync(ownStaff: true);
        var id = await ResolvedRepairAsync();
        var finance = await _app.ActorAsync("finance");
        var settlementId = (await SettlementAsync(id)).Id;

        var noReason = await Assert.ThrowsAsync<DomainException>(() => Settlements.RefundAsync(finance, settlementId, "  ", Ct));
        await Settlements.RefundAsync(finance, settlementId, "客户投诉，全额退款", Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Settlements.RefundAsync(finance, settlementId, "again", Ct));

        Assert.Equal(("RefundReasonRequired", "SettlementNotPosted"), (noReason.Code, twice.Code));
        var settlement = await SettlementAsync(id);
        Assert.Equal((SettlementState.Reversed, ReversalKind.Refunded, "客户投诉，全额退款"), (settlement.State, settlement.ReversalKind, settlement.ReversalNote));
        var ledger = await LedgerAsync(id);
        Assert.Equal([(EarningsKind.Earning, 80.00m), (EarningsKind.Earning, 30.85m), (EarningsKind.Reversal, -80.00m), (EarningsKind.Reversal, -30.85m)],
            ledger.Select(e => (e.Kind, e.Amount)));
        var detail = await Settlements.DetailAsync(finance, settlementId, Ct);
        Assert.Equal(4, detail.Entries.Count);
        Assert.Equal([12.34m, 80.00m], detail.Lines.Select(l => l.UnitPrice).Order());
    }

    [Fact]
    public async Task OnlyFinanceAndAdmin_MayUseTheQueue_AndOnlyFinanceConfirms()
    {
        var agent = await _app.ActorAsync("agent");
        var admin = await _app.ActorAsync("admin");

        await Assert.ThrowsAsync<ForbiddenException>(() => Settlements.HeldAsync(agent, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Settlements.RefundAsync(agent, 1, "x", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.MonthAsync(agent, November, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Reconciliation.MonthAsync(agent, November, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Statements.ConfirmAsync(admin, "someone", November, Ct));
        Assert.Empty(await Settlements.HeldAsync(admin, Ct));
    }

    [Fact]
    public async Task ConfirmingAStatement_IsRefusedWhileTheMonthIsOpen_AndTwice()
    {
        await PublishAsync(ownStaff: true);
        await ResolvedRepairAsync();
        var finance = await _app.ActorAsync("finance");
        var row = Assert.Single(await Statements.MonthAsync(finance, November, Ct));
        Assert.Equal(("孙伟", "自营", StatementState.Draft, 2, 110.85m), (row.PayeeName, row.PartnerTypeName, row.State, row.LineCount, row.Total));

        var open = await Assert.ThrowsAsync<DomainException>(() => Statements.ConfirmAsync(finance, row.PayeeId, November, Ct));
        _app.Clock.Advance(TimeSpan.FromDays(7)); // 2026-12-02
        await Statements.ConfirmAsync(finance, row.PayeeId, November, Ct);
        var twice = await Assert.ThrowsAsync<DomainException>(() => Statements.ConfirmAsync(finance, row.PayeeId, November, Ct));

        Assert.Equal("StatementMonthOpen", open.Code);
        Assert.Equal(("StatementAlreadyConfirmed", "孙伟"), (twice.Code, twice.Args[0]));
        var confirmed = Assert.Single(await Statements.MonthAsync(finance, November, Ct));
        Assert.Equal((StatementState.Confirmed, 2, 110.85m), (confirmed.State, confirmed.LineCount, confirmed.Total));
        await Statements.MarkPaidAsync(finance, confirmed.StatementId!.Value, Ct);
        Assert.Equal(StatementState.Paid, Assert.Single(await Statements.MonthAsync(finance, November, Ct)).State);
    }

    [Fact]
    public async Task ConfirmingAtOnce_SavesOneStatement_TheOtherGetsTheClearMessage()
    {
        await PublishAsync(ownStaff: true);
        await ResolvedRepairAsync();
        _app.Clock.Advance(TimeSpan.FromDays(7));
        var finance = await _app.ActorAsync("finance");
        var payee = Assert.Single(await Statements.MonthAsync(finance, November, Ct)).PayeeId;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                await Statements.ConfirmAsync(finance, payee, November, Ct);
                return "ok";
            }
            catch (DomainException e)
            {
                return e.Code;
            }
        }, Ct)));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.All(outcomes.Where(o => o != "ok"), o => Assert.Equal("StatementAlreadyConfirmed", o));
        Assert.Equal(1, await _app.QueryAsync(db => db.Statements.CountAsync(Ct)));
    }

    [Fact]
    public async Task AfterAMonthIsConfirmed_ASettlementOfThatMonthPostedLater_LandsInTheNextMonthAsAnAdjustment()
    {
        await PublishAsync(ownStaff: true);
        await ResolvedRepairAsync();
        var late = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.MoveAsync(late, TicketStatus.Resolved); // completed in November with nothing recorded: held
        _app.Clock.Advance(TimeSpan.FromDays(7)); // 2026-12-02
        var finance = await _app.ActorAsync("finance");
        var payee = Assert.Single(await Statements.MonthAsync(finance, November, Ct)).PayeeId;
        await Statements.ConfirmAsync(finance, payee, November, Ct);

        await _app.RecordAsync(late, "agent", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.Host.Dispatcher.DeliverDueAsync(Ct);

        var entry = Assert.Single(await LedgerAsync(late));
        Assert.Equal((December, true, 80.00m), (entry.Month, entry.IsAdjustment, entry.Amount));
        var november = Assert.Single(await Statements.MonthAsync(finance, November, Ct));
        Assert.Equal((StatementState.Confirmed, 110.85m), (november.State, november.Total));
        var december = await Statements.DetailAsync(finance, payee, December, Ct);
        var line = Assert.Single(december!.Lines);
        Assert.Equal((true, November, EarningsKind.Earning), (line.IsAdjustment, line.CompletedMonth, line.Kind));
        Assert.Equal("调整（2026-11 完工）", StatementWorkbook.Note(line));
    }

    [Fact]
    public async Task Reconciliation_Matches_ThenListsALedgerRowInsertedBehindTheAppsBack()
    {
        await PublishAsync(ownStaff: true);
        var id = await ResolvedRepairAsync();
        var finance = await _app.ActorAsync("finance");
        await Settlements.RefundAsync(finance, (await SettlementAsync(id)).Id, "退款", Ct);
        var clean = await Reconciliation.MonthAsync(finance, November, Ct);
        var row = Assert.Single(clean.Rows);
        Assert.Equal((0m, 4, 0m, 4, true), (row.LedgerTotal, row.LedgerEntries, row.SettlementTotal, row.SettlementLines, row.Matches));
        Assert.Empty(clean.Differences);

        // Inserting is allowed by the ledger's triggers (only update and delete are refused): a row no settlement line explains.
        var settlementId = (await SettlementAsync(id)).Id;
        await _app.QueryAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "EarningsEntries" ("PayeeId", "TicketId", "SettlementId", "LineNumber", "Kind", "ItemKind", "ItemName", "Quantity", "Amount", "CustomerAmount", "PostedAt", "Month", "IsAdjustment")
            SELECT "PayeeId", "TicketId", "SettlementId", 9, 'Earning', 'Service', '手工补录', 1000, 5000, 0, '2026-11-25 06:00:00', '2026-11-01', 0
            FROM "EarningsEntries" WHERE "SettlementId" = {settlementId} LIMIT 1
            """, Ct));

        var report = await Reconciliation.MonthAsync(finance, November, Ct);
        var payee = Assert.Single(report.Rows);
        Assert.Equal((50.00m, 5, 0m, 4, 50.00m, false), (payee.LedgerTotal, payee.LedgerEntries, payee.SettlementTotal, payee.SettlementLines, payee.Difference, payee.Matches));
        var difference = Assert.Single(report.Differences);
        Assert.Equal((id, 50.00m, 5, 0m, 4), (difference.TicketId, difference.Booked, difference.BookedEntries, difference.Expected, difference.ExpectedLines));
    }
}
