using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Tests.Data.Settlements;
using Scrm.Tests.Web;
using Scrm.Web.Features.Pricing;
using Xunit;

namespace Scrm.Tests.Data.Pricing;

/// <summary>
/// The simulation against the real thing. Three repairs completed on 2026-10-15 under the demo's version 1 (tier B):
/// 孙伟 (自营, 杭州) AC-REPAIR + 2.5 m of pipe = 80.00 + 45.00; 郑海 (加盟, 杭州) AC-INSTALL-1P + AC-HIGH = 132.00 + 55.00;
/// 吴刚 (第三方, 湖州) FR-REPAIR = 112.50. The demo's draft (version 2, from 2026-12-01) raises AC-INSTALL-1P for 加盟 by ¥10;
/// the admin also sets AC-REPAIR B 自营 to 85.50 and removes FR-REPAIR B 第三方.
/// </summary>
public sealed class PriceSimulationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset October15 = new(2026, 10, 15, 2, 0, 0, TimeSpan.Zero);
    private SettlementHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PriceBookService PriceBooks => _app.Host.Services.GetRequiredService<PriceBookService>();

    public async ValueTask InitializeAsync() => _app = await SettlementHost.StartAsync(October15);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheSimulation_EqualsARealRepricing_OfTheSameTickets()
    {
        var tickets = await CompleteThreeRepairsInOctoberAsync();
        _app.Clock.Advance(TestApp.Now - October15); // 2026-11-25: October is last month
        var (draftId, version) = await _app.QueryAsync(async db => await db.PriceBookVersions.Where(v => v.Number == 2).Select(v => new { v.Id, v.Version }).SingleAsync(Ct) is var d ? (d.Id, d.Version) : default);
        var admin = await _app.ActorAsync("admin");
        version = await PriceBooks.SetPriceAsync(admin, draftId, version, new SetPriceRequest(await KeyAsync("AC-REPAIR", "自营"), "85.50", "140"), Ct);
        version = await PriceBooks.RemovePriceAsync(admin, draftId, version, await KeyAsync("FR-REPAIR", "第三方"), Ct);

        var simulation = await PriceBooks.SimulateAsync(await _app.ActorAsync("finance"), draftId, Ct);

        Assert.Equal(new DateOnly(2026, 10, 1), simulation.Month);
        // Largest change first.
        Assert.Equal(
            [("吴刚", 1, 112.50m, 0.00m, -112.50m, 1), ("郑海", 1, 187.00m, 197.00m, 10.00m, 0), ("孙伟", 1, 125.00m, 130.50m, 5.50m, 0)],
            simulation.Payees.Select(p => (p.PayeeName, p.Tickets, p.Current, p.UnderDraft, p.Difference, p.HeldTickets)));
        Assert.Equal((424.50m, 327.50m, -97.00m), (simulation.Current, simulation.UnderDraft, simulation.Difference));
        var held = Assert.Single(simulation.Held);
        Assert.Equal((tickets.Wu, "吴刚", HoldReason.NoPrice, "冰箱维修"), (held.TicketId, held.PayeeName, held.Reasons.Single().Reason, held.Reasons.Single().ItemName));

        // Read only: nothing tracked, nothing saved.
        await _app.QueryAsync(async db =>
        {
            var draft = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Id == draftId, Ct);
            await PriceSimulation.RunAsync(db, draft, new DateOnly(2026, 10, 1), Ct);
            Assert.Empty(db.ChangeTracker.Entries());
            return 0;
        });
        Assert.Equal((3, version), await _app.QueryAsync(async db =>
            (await db.Settlements.CountAsync(Ct), await db.PriceBookVersions.Where(v => v.Id == draftId).Select(v => v.Version).SingleAsync(Ct))));

        // The real thing: finance approves, and on 2026-12-01 the same tickets are reopened and completed again.
        await PriceBooks.ApproveAsync(await _app.ActorAsync("finance"), draftId, version, Ct);
        _app.Clock.Advance(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero) - TestApp.Now);
        foreach (var id in new[] { tickets.Sun, tickets.Zheng, tickets.Wu })
        {
            await _app.MoveAsync(id, TicketStatus.InProgress);
            await _app.MoveAsync(id, TicketStatus.Resolved);
        }

        var roundTwo = await _app.QueryAsync(db => db.Settlements.AsNoTracking().Where(s => s.Round == 2).ToListAsync(Ct));
        var posted = roundTwo.Where(s => s.State == SettlementState.Posted).ToDictionary(s => s.TicketId, s => s.Total);
        Assert.Equal(130.50m, posted[tickets.Sun]);
        Assert.Equal(197.00m, posted[tickets.Zheng]);
        Assert.Equal(SettlementState.Held, roundTwo.Single(s => s.TicketId == tickets.Wu).State);
        Assert.Equal("冰箱维修", roundTwo.Single(s => s.TicketId == tickets.Wu).Holds.Single().ItemName);
    }

    private async Task<(long Sun, long Zheng, long Wu)> CompleteThreeRepairsInOctoberAsync()
    {
        var sun = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(sun, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.RecordAsync(sun, "tech2", PricedItemKind.Part, "PIPE-CU-6-10", 2.5m, "杭州仓");
        var zheng = await _app.StartedRepairAsync("杭州", "tech4");
        await _app.RecordAsync(zheng, "tech4", PricedItemKind.Service, "AC-INSTALL-1P", 1m);
        await _app.RecordAsync(zheng, "tech4", PricedItemKind.Service, "AC-HIGH", 1m);
        var wu = await _app.StartedRepairAsync("湖州", "tech3");
        await _app.RecordAsync(wu, "tech3", PricedItemKind.Service, "FR-REPAIR", 1m);
        foreach (var id in new[] { sun, zheng, wu })
        {
            await _app.MoveAsync(id, TicketStatus.Resolved);
        }

        var totals = await _app.QueryAsync(db => db.Settlements.AsNoTracking().ToListAsync(Ct));
        Assert.Equal([(SettlementState.Posted, 125.00m), (SettlementState.Posted, 187.00m), (SettlementState.Posted, 112.50m)],
            totals.OrderBy(s => s.Id).Select(s => (s.State, s.Total)));
        return (sun, zheng, wu);
    }

    private async Task<PriceKey> KeyAsync(string code, string partnerType) =>
        new(PricedItemKind.Service, await _app.ItemIdAsync(code), "B",
            await _app.QueryAsync(db => db.PartnerTypes.Where(t => t.Name == partnerType).Select(t => t.Id).SingleAsync(Ct)));
}
