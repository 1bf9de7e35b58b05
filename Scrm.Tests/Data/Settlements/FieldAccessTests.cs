using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Field;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Settlements;

/// <summary>Who sees what of the field pages, on a real SQLite file: a technician only their own jobs and earnings; finance reads work but never records it.</summary>
public sealed class FieldAccessTests : IAsyncLifetime
{
    private SettlementHost _app = default!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FieldService Field => _app.Host.Services.GetRequiredService<FieldService>();

    public async ValueTask InitializeAsync() => _app = await SettlementHost.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> SettledRepairOfTech2Async()
    {
        await _app.PublishAsync((PricedItemKind.Service, "AC-REPAIR", "B", "自营", 80.00m, 150.00m));
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
        await _app.MoveAsync(id, TicketStatus.Resolved);
        return id;
    }

    [Fact]
    public async Task ATechnician_SeesOnlyTheirOwnJobs_AndAnothersJobReadsAsNotFound()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        var tech2 = await _app.ActorAsync("tech2");
        var tech3 = await _app.ActorAsync("tech3");

        Assert.Contains(await Field.JobsAsync(tech2, Ct), j => j.Id == id);
        Assert.DoesNotContain(await Field.JobsAsync(tech3, Ct), j => j.Id == id);
        Assert.NotNull(await Field.JobAsync(tech2, id, Ct));
        Assert.Null(await Field.JobAsync(tech3, id, Ct));
    }

    [Fact]
    public async Task Earnings_AreTheSignedInTechniciansOwn()
    {
        var id = await SettledRepairOfTech2Async();

        var his = await Field.EarningsAsync(await _app.ActorAsync("tech2"), Ct);
        var others = await Field.EarningsAsync(await _app.ActorAsync("tech3"), Ct);

        Assert.Equal((80.00m, 80.00m, 0m), (his.Today, his.ThisMonth, his.LastMonth));
        Assert.Equal(id, Assert.Single(his.Tickets).TicketId);
        Assert.Equal((0m, 0m), (others.Today, others.ThisMonth));
        Assert.Empty(others.Tickets);
    }

    [Theory]
    [InlineData("agent")]
    [InlineData("finance")]
    public async Task TheFieldPages_AreTheTechniciansOnly(string userName)
    {
        var actor = await _app.ActorAsync(userName);

        await Assert.ThrowsAsync<ForbiddenException>(() => Field.JobsAsync(actor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Field.EarningsAsync(actor, Ct));
    }

    [Fact]
    public async Task Finance_ReadsTheWorkAndItsSettlement_ButCannotRecordOrRemove()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        await _app.RecordAsync(id, "tech2", PricedItemKind.Service, "AC-REPAIR", 1m);
        var finance = await _app.ActorAsync("finance");

        var view = await _app.Work.GetAsync(finance, id, Ct);

        Assert.False(view.CanRecord);
        var line = Assert.Single(view.Lines);
        var form = new WorkForm { Kind = PricedItemKind.Service, ItemId = await _app.ItemIdAsync("AC-REPAIR"), Quantity = 1 };
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.Work.RecordAsync(finance, id, form, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.Work.RemoveAsync(finance, line.Id, line.Version, Ct));
        Assert.Single((await _app.Work.GetAsync(await _app.ActorAsync("agent"), id, Ct)).Lines);
    }

    [Fact]
    public async Task AnotherTechnician_CannotReadOrRecordTheWork()
    {
        var id = await _app.StartedRepairAsync("杭州", "tech2");
        var tech3 = await _app.ActorAsync("tech3");

        await Assert.ThrowsAsync<ForbiddenException>(() => _app.Work.GetAsync(tech3, id, Ct));
        var form = new WorkForm { Kind = PricedItemKind.Service, ItemId = await _app.ItemIdAsync("AC-REPAIR"), Quantity = 1 };
        await Assert.ThrowsAsync<ForbiddenException>(() => _app.Work.RecordAsync(tech3, id, form, Ct));
    }
}
