using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Admin;
using Xunit;

namespace Scrm.Tests.Web.Outbox;

/// <summary>The timer job parks a poison ticket after a few failures and drops due times nobody waits for.</summary>
public sealed class TimerParkingTests : IAsyncLifetime
{
    private string _file = "";

    public async ValueTask InitializeAsync() => _file = await OutboxHost.NewDatabaseAsync();

    public ValueTask DisposeAsync()
    {
        OutboxHost.Delete(_file);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PoisonTimer_IsParkedAfterThreeFailures_TheOthersFire_AndAnAdminRetryFiresIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(TestApp.Now);
        var poison = new PoisonTimer();
        await using var host = await OutboxHost.StartAsync(_file, clock, s => s.AddSingleton<IInTransactionHandler>(poison));
        var good = await host.ComplaintAtObjectionWindowAsync("正常的投诉");
        poison.TicketId = await host.ComplaintAtObjectionWindowAsync("有毒的投诉");
        clock.Advance(TimeSpan.FromHours(24));
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await host.QueryAsync(db => db.Tickets.CountAsync(t => t.TimerDueAt <= now)); // ours and the demo company's

        Assert.Equal(due - 1, await host.Timers.FireDueTimersAsync(ct));
        for (var round = 2; round <= 4; round++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            await host.Timers.FireDueTimersAsync(ct);
        }

        Assert.Equal(3, poison.Attempts); // the fourth round skipped it
        var parked = await host.QueryAsync(db => db.Tickets.SingleAsync(t => t.Id == poison.TicketId));
        Assert.Equal(("objection", 3, TestApp.Now.UtcDateTime.AddHours(24).AddMinutes(2)), (parked.CurrentNodeId, parked.TimerFailures, parked.TimerParkedAt));
        Assert.Equal("InvalidOperationException: the clock broke", parked.TimerError);
        Assert.Equal("closed", await host.QueryAsync(db => db.Tickets.Where(t => t.Id == good).Select(t => t.CurrentNodeId).SingleAsync()));

        var admin = host.Services.GetRequiredService<OutboxAdminService>();
        var row = Assert.Single((await admin.GetAsync(await host.ActorAsync("admin"), ct)).ParkedTimers);
        Assert.Equal((poison.TicketId, 3), (row.TicketId, row.Failures));

        poison.Broken = false;
        await admin.RetryTimerAsync(await host.ActorAsync("admin"), poison.TicketId, ct);
        Assert.Equal(1, await host.Timers.FireDueTimersAsync(ct));
        Assert.Empty((await admin.GetAsync(await host.ActorAsync("admin"), ct)).ParkedTimers);
    }

    [Fact]
    public async Task StaleDueTime_OfATicketNoLongerAtATimer_IsCleared()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(TestApp.Now);
        await using var host = await OutboxHost.StartAsync(_file, clock);
        var id = await host.NewUrgentRefundComplaintAsync("不在定时器上的工单");
        var due = TestApp.Now.UtcDateTime.AddMinutes(-5);
        await host.QueryAsync(db => db.Tickets.Where(t => t.Id == id).ExecuteUpdateAsync(s => s.SetProperty(t => t.TimerDueAt, due), ct));

        await host.Timers.FireDueTimersAsync(ct);

        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(t => t.Id == id, ct));
        Assert.Equal(("triage", (DateTime?)null), (ticket.CurrentNodeId, ticket.TimerDueAt));
    }

    [Fact]
    public async Task SettleAction_MarksTheTicketAwaitingSettlement_InTheSameSave()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await OutboxHost.StartAsync(_file, new FakeTimeProvider(TestApp.Now));
        var id = await host.QueryAsync(db => db.Tickets.Where(t => t.CurrentNodeId == "confirm").OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct));
        var agent = await host.ActorAsync("agent");
        Assert.False((await host.Tickets.GetAsync(agent, id, ct))!.AwaitingSettlement);

        await host.PressAsync(id, "confirm->settle");

        var view = (await host.Tickets.GetAsync(agent, id, ct))!;
        Assert.Equal((true, "回访"), (view.AwaitingSettlement, view.Workflow!.CurrentNodeName));
    }

    /// <summary>Fails the timer of one ticket while <see cref="Broken"/>, as a bug in a handler would.</summary>
    private sealed class PoisonTimer : InTransactionHandler<TicketTimerFired>
    {
        public long TicketId { get; set; }
        public bool Broken { get; set; } = true;
        public int Attempts { get; private set; }

        protected override Task HandleAsync(TicketTimerFired domainEvent, ScrmDbContext db, CancellationToken ct)
        {
            if (domainEvent.Ticket.Id == TicketId && Broken)
            {
                Attempts++;
                throw new InvalidOperationException("the clock broke");
            }

            return Task.CompletedTask;
        }
    }
}
