using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Scrm.Tests.Web.Outbox;

/// <summary>Two app instances on one SQLite file: background work runs once across them.</summary>
public sealed class TwoHostsTests : IAsyncLifetime
{
    private string _file = "";

    public async ValueTask InitializeAsync() => _file = await OutboxHost.NewDatabaseAsync();

    public ValueTask DisposeAsync()
    {
        OutboxHost.Delete(_file);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwoInstances_DeliverEveryMessageOnce_AndFireEveryDueTimerOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(TestApp.Now);
        var consumer = new OutboxDeliveryTests.CreatedTicketConsumer();
        await using var a = await OutboxHost.StartAsync(_file, clock, s => s.AddCreatedTicketConsumer(consumer));
        await using var b = await OutboxHost.StartAsync(_file, clock, s => s.AddCreatedTicketConsumer(consumer));
        var tickets = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            tickets.Add(await (i % 2 == 0 ? a : b).ComplaintAtObjectionWindowAsync($"投诉 {i}"));
        }

        var messages = await a.QueryAsync(db => db.OutboxMessages.CountAsync());
        Assert.Equal(12, messages); // per ticket: TicketCreated and NotificationRequested

        await Task.WhenAll(Task.Run(() => a.Dispatcher.DeliverDueAsync(ct), ct), Task.Run(() => b.Dispatcher.DeliverDueAsync(ct), ct));

        Assert.Equal(tickets, consumer.Attempts.Keys.Order());
        Assert.All(consumer.Attempts.Values, n => Assert.Equal(1, n));
        Assert.Equal(messages, await a.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.DeliveredAt != null)));
        Assert.Equal(6, await a.QueryAsync(db => db.Notifications.CountAsync()));

        clock.Advance(TimeSpan.FromHours(24));
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await a.QueryAsync(db => db.Tickets.CountAsync(t => t.TimerDueAt <= now)); // ours and the demo company's
        Assert.True(due >= 6);
        var moved = await Task.WhenAll(Task.Run(() => a.Timers.FireDueTimersAsync(ct), ct), Task.Run(() => b.Timers.FireDueTimersAsync(ct), ct));

        Assert.Equal(due, moved.Sum());
        Assert.Equal(0, await a.QueryAsync(db => db.Tickets.CountAsync(t => t.TimerDueAt <= now)));
        var states = await a.QueryAsync(db => db.Tickets.Where(t => tickets.Contains(t.Id))
            .Select(t => new { t.CurrentNodeId, t.TimerDueAt, Objections = t.Visits.Count(v => v.NodeId == "objection") }).ToListAsync());
        Assert.All(states, s => Assert.Equal(("closed", (DateTime?)null, 1), (s.CurrentNodeId, s.TimerDueAt, s.Objections)));
    }
}
