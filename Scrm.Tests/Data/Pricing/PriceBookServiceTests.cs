using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Tests.Data.Settlements;
using Scrm.Web.Features.Pricing;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Pricing;

/// <summary>
/// Price book upkeep on a real SQLite file with the demo company, seeded on 2026-11-25: version 1 (王磊 drafted, 郑丽
/// approved) in force since 2026-09-01 with 306 prices (34 items × 3 tiers × 3 partner types), version 2 a draft by 王磊
/// from 2026-12-01 waiting for approval.
/// </summary>
public sealed class PriceBookServiceTests : IAsyncLifetime
{
    private SettlementHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PriceBookService PriceBooks => _app.Host.Services.GetRequiredService<PriceBookService>();

    public async ValueTask InitializeAsync() => _app = await SettlementHost.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Overview_MarksTheVersionInForce_AndShowsTheWaitingDraftToFinance_NotToItsDrafter()
    {
        var finance = await PriceBooks.OverviewAsync(await _app.ActorAsync("finance"), Ct);
        var admin = await PriceBooks.OverviewAsync(await _app.ActorAsync("admin"), Ct);

        Assert.Equal([(2, PriceBookState.Draft, false, 306), (1, PriceBookState.Published, true, 306)],
            finance.Versions.Select(v => (v.Number, v.State, v.InForce, v.EntryCount)));
        Assert.Equal(("王磊", "郑丽"), (finance.Versions[1].DraftedBy, finance.Versions[1].ReviewedBy));
        Assert.Equal((2, new DateOnly(2026, 12, 1)), (finance.AwaitingYourApproval!.Number, finance.AwaitingYourApproval.EffectiveFrom));
        Assert.False(finance.MayDraft);
        Assert.Null(admin.AwaitingYourApproval);
        Assert.True(admin.MayDraft);
    }

    [Fact]
    public async Task ANewDraft_StartsFromTheVersionInForce_NumberedNext_FromTheFirstOfNextMonth()
    {
        await RejectSeededDraftAsync();

        var id = await PriceBooks.CreateDraftAsync(await _app.ActorAsync("admin"), Ct);

        var draft = (await PriceBooks.GetAsync(await _app.ActorAsync("admin"), id, Ct))!;
        Assert.Equal((3, PriceBookState.Draft, new DateOnly(2026, 12, 1), "王磊"),
            (draft.Summary.Number, draft.Summary.State, draft.Summary.EffectiveFrom, draft.Summary.DraftedBy));
        Assert.Equal(306, draft.Prices.Count);
        // Version 1's price, not version 2's raised one (version 2 was rejected and never in force).
        Assert.Equal(new PricePair(132.00m, 192.00m), draft.Prices[await KeyAsync("AC-INSTALL-1P", "B", "加盟")]);
        Assert.Equal(0, draft.MissingCount);
        Assert.True(draft.MayEdit);
    }

    [Fact]
    public async Task ASecondDraft_IsRefused_NamingTheOneWaiting()
    {
        var error = await Assert.ThrowsAsync<DomainException>(() => PriceBooks.CreateDraftAsync(_app.ActorAsync("admin").Result, Ct));

        Assert.Equal(("PriceDraftExists", 2), (error.Code, (int)error.Args[0]));
        Assert.Equal(2, await _app.QueryAsync(db => db.PriceBookVersions.CountAsync(Ct)));
    }

    [Fact]
    public async Task TwoAdminsStartingADraftAtOnce_OneWins_TheOtherIsToldWhy()
    {
        await RejectSeededDraftAsync();
        var admin = await _app.ActorAsync("admin");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Attempt(() => PriceBooks.CreateDraftAsync(admin, Ct))));

        Assert.Single(results, r => r is null);
        var loser = Assert.Single(results, r => r is not null)!;
        Assert.Contains(loser.Code, new[] { "PriceDraftExists", "PriceDraftJustStarted" });
        Assert.Equal(1, await _app.QueryAsync(db => db.PriceBookVersions.CountAsync(v => v.State == PriceBookState.Draft, Ct)));
    }

    [Fact]
    public async Task TheDrafter_CannotApprove_Finance_Can()
    {
        var (id, version) = await SeededDraftAsync();

        var own = await Assert.ThrowsAsync<DomainException>(() => PriceBooks.ApproveAsync(_app.ActorAsync("admin").Result, id, version, Ct));
        Assert.Equal("ApproveOwnDraft", own.Code);

        await PriceBooks.ApproveAsync(await _app.ActorAsync("finance"), id, version, Ct);
        var overview = await PriceBooks.OverviewAsync(await _app.ActorAsync("admin"), Ct);
        Assert.Equal((PriceBookState.Published, "郑丽", false), (overview.Versions[0].State, overview.Versions[0].ReviewedBy, overview.Versions[0].InForce));
    }

    [Fact]
    public async Task TwoApprovalsAtOnce_OneWins_TheOtherIsToldSomeoneElseDecided()
    {
        var (id, version) = await SeededDraftAsync();
        var finance = await _app.ActorAsync("finance");

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Attempt(() => PriceBooks.ApproveAsync(finance, id, version, Ct))));

        Assert.Single(results, r => r is null);
        Assert.Equal("ConcurrencyConflict", Assert.Single(results, r => r is not null)!.Code);
        Assert.Equal(PriceBookState.Published, await _app.QueryAsync(db => db.PriceBookVersions.Where(v => v.Id == id).Select(v => v.State).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Rejecting_NeedsAReason_AndIsNotTheDraftersToDo()
    {
        var (id, version) = await SeededDraftAsync();

        var blank = await Assert.ThrowsAsync<DomainException>(() => PriceBooks.RejectAsync(_app.ActorAsync("finance").Result, id, version, "   ", Ct));
        var own = await Assert.ThrowsAsync<DomainException>(() => PriceBooks.RejectAsync(_app.ActorAsync("admin").Result, id, version, "不要了", Ct));

        Assert.Equal(("Required", "Reason"), (blank.Code, blank.Field));
        Assert.Equal("RejectOwnDraft", own.Code);
        Assert.Equal(PriceBookState.Draft, await _app.QueryAsync(db => db.PriceBookVersions.Where(v => v.Id == id).Select(v => v.State).SingleAsync(Ct)));

        await PriceBooks.RejectAsync(await _app.ActorAsync("finance"), id, version, "湖州加盟价偏高", Ct);
        var detail = (await PriceBooks.GetAsync(await _app.ActorAsync("admin"), id, Ct))!;
        Assert.Equal((PriceBookState.Rejected, "湖州加盟价偏高", false), (detail.Summary.State, detail.RejectReason, detail.MayEdit));
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("supervisor")]
    [InlineData("tech2")]
    [InlineData("sales")]
    public async Task OnlyAdminsAndFinance_ReadPriceBooks(string userName)
    {
        var actor = await _app.ActorAsync(userName);

        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.OverviewAsync(actor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.GetAsync(actor, 1, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.SimulateAsync(actor, 2, Ct));
    }

    [Fact]
    public async Task Finance_ReviewsButDoesNotEdit()
    {
        var (id, version) = await SeededDraftAsync();
        var finance = await _app.ActorAsync("finance");
        var key = await KeyAsync("AC-REPAIR", "A", "自营");

        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.CreateDraftAsync(finance, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.SetPriceAsync(finance, id, version, new SetPriceRequest(key, "1", "2"), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => PriceBooks.RemovePriceAsync(finance, id, version, key, Ct));
        Assert.False((await PriceBooks.GetAsync(finance, id, Ct))!.MayEdit);
    }

    [Theory]
    [InlineData("120", "200", 120.00, 200.00)]
    [InlineData("120.5", " 199.9 ", 120.50, 199.90)]
    [InlineData("¥1,200.00", "￥1,800", 1200.00, 1800.00)]
    [InlineData("0", "999999.99", 0.00, 999999.99)]
    public async Task APrice_IsTakenAsTyped(string settle, string customer, decimal expectedSettle, decimal expectedCustomer)
    {
        var (id, version) = await SeededDraftAsync();
        var key = await KeyAsync("AC-REPAIR", "C", "加盟");

        var next = await PriceBooks.SetPriceAsync(await _app.ActorAsync("admin"), id, version, new SetPriceRequest(key, settle, customer), Ct);

        Assert.Equal(version + 1, next);
        Assert.Equal(new PricePair(expectedSettle, expectedCustomer), (await PriceBooks.GetAsync(await _app.ActorAsync("admin"), id, Ct))!.Prices[key]);
    }

    [Theory]
    [InlineData("八十", "MoneyNotANumber", "SettlementPrice")]
    [InlineData("80元", "MoneyNotANumber", "SettlementPrice")]
    [InlineData("-5", "PriceOutOfRange", "SettlementPrice")]
    [InlineData("1000000", "PriceOutOfRange", "SettlementPrice")]
    [InlineData("12.345", "PriceTooPrecise", "SettlementPrice")]
    [InlineData("", "Required", "SettlementPrice")]
    public async Task ABadPrice_IsRefusedForItsField_AndNothingIsSaved(string settle, string code, string field)
    {
        var (id, version) = await SeededDraftAsync();
        var key = await KeyAsync("AC-REPAIR", "C", "加盟");

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            PriceBooks.SetPriceAsync(_app.ActorAsync("admin").Result, id, version, new SetPriceRequest(key, settle, "150"), Ct));

        Assert.Equal((code, field), (error.Code, error.Field));
        var after = (await PriceBooks.GetAsync(await _app.ActorAsync("admin"), id, Ct))!;
        Assert.Equal((version, new PricePair(74.80m, 108.80m)), (after.Version, after.Prices[key]));
    }

    [Fact]
    public async Task AStaleEdit_IsRefused_AndTheColleaguesPriceStays()
    {
        var (id, version) = await SeededDraftAsync();
        var admin = await _app.ActorAsync("admin");
        var key = await KeyAsync("AC-REPAIR", "A", "自营");
        await PriceBooks.SetPriceAsync(admin, id, version, new SetPriceRequest(key, "99", "160"), Ct);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            PriceBooks.SetPriceAsync(admin, id, version, new SetPriceRequest(key, "11", "22"), Ct));

        Assert.Equal("ConcurrencyConflict", stale.Code);
        Assert.Equal(new PricePair(99.00m, 160.00m), (await PriceBooks.GetAsync(admin, id, Ct))!.Prices[key]);
    }

    [Fact]
    public async Task RemovingAPrice_LeavesTheCellMissing()
    {
        var (id, version) = await SeededDraftAsync();
        var admin = await _app.ActorAsync("admin");
        var key = await KeyAsync("GAS-R32", "C", "第三方");

        await PriceBooks.RemovePriceAsync(admin, id, version, key, Ct);

        var detail = (await PriceBooks.GetAsync(admin, id, Ct))!;
        Assert.False(detail.Prices.ContainsKey(key));
        Assert.Equal(1, detail.MissingCount);
    }

    [Fact]
    public async Task AnUnknownId_IsNull_NotAnError()
    {
        Assert.Null(await PriceBooks.GetAsync(await _app.ActorAsync("finance"), 987654, Ct));
    }

    private static async Task<DomainException?> Attempt(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (DomainException e)
        {
            return e;
        }
    }

    private Task<(long Id, long Version)> SeededDraftAsync() => _app.QueryAsync(async db =>
    {
        var draft = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Number == 2, Ct);
        return (draft.Id, draft.Version);
    });

    private async Task RejectSeededDraftAsync()
    {
        var (id, version) = await SeededDraftAsync();
        await PriceBooks.RejectAsync(await _app.ActorAsync("finance"), id, version, "先不调价", Ct);
    }

    private async Task<PriceKey> KeyAsync(string code, string tier, string partnerType)
    {
        var partnerTypeId = await _app.QueryAsync(db => db.PartnerTypes.Where(t => t.Name == partnerType).Select(t => t.Id).SingleAsync(Ct));
        var kind = await _app.QueryAsync(db => db.ServiceItems.AnyAsync(i => i.Code == code, Ct)) ? PricedItemKind.Service : PricedItemKind.Part;
        return new PriceKey(kind, await _app.ItemIdAsync(code), tier, partnerTypeId);
    }
}
