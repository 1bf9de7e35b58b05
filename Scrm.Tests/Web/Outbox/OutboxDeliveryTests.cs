using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Data.Saving;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Outbox;

/// <summary>Outbox delivery on a SQLite file: consumers, retries with back-off, parking, restarts and rollbacks.</summary>
public sealed class OutboxDeliveryTests : IAsyncLifetime
{
    private string _file = "";

    public async ValueTask InitializeAsync() => _file = await OutboxHost.NewDatabaseAsync();

    public ValueTask DisposeAsync()
    {
        OutboxHost.Delete(_file);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task KillingTheAppBetweenCommitAndDelivery_LosesNothing()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        long ticketId;
        string agentId;
        await using (var before = await OutboxHost.StartAsync(_file, clock))
        {
            ticketId = await before.ComplaintAtObjectionWindowAsync();
            agentId = (await before.ActorAsync("agent")).UserId;
        } // the instance goes away with the message committed and nothing delivered

        await using var after = await OutboxHost.StartAsync(_file, clock);
        Assert.Equal(0, await after.QueryAsync(db => db.Notifications.CountAsync()));

        await after.Dispatcher.DeliverDueAsync(TestContext.Current.CancellationToken);

        var notification = Assert.Single(await after.QueryAsync(db => db.Notifications.ToListAsync()));
        Assert.Equal((agentId, ticketId, NotificationKind.Workflow, "请为该投诉工单办理退款"),
            (notification.RecipientId, notification.TicketId, notification.Kind, notification.Text));
        var message = await after.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type == nameof(NotificationRequested)));
        Assert.Equal(message.Id, notification.SourceMessageId);
        Assert.Equal(TestApp.Now.UtcDateTime, message.DeliveredAt);
    }

    [Fact]
    public async Task FailingConsumer_IsRetriedWithBackOff_ParkedAfterFiveAttempts_AndTheOthersAreDelivered()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        var consumer = new CreatedTicketConsumer { FailingTitle = "有毒的工单" };
        await using var host = await OutboxHost.StartAsync(_file, clock, s => s.AddCreatedTicketConsumer(consumer));
        var agent = await host.ActorAsync("agent");
        var template = await host.QueryAsync(db => db.TicketTemplates.Where(t => t.Name == "投诉工单").Select(t => t.Id).SingleAsync());
        var ids = new List<long>();
        foreach (var title in new[] { "第一张", "有毒的工单", "第三张" })
        {
            ids.Add((await host.Tickets.CreateAsync(agent, new TicketForm
            {
                TemplateId = template,
                Title = title,
                Fields = new(StringComparer.Ordinal) { ["complaint_type"] = "其他", ["contact_phone"] = "13800138000" },
            }, TestContext.Current.CancellationToken)).Id);
        }

        await host.Dispatcher.DeliverDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal([ids[0], ids[2]], consumer.Delivered.Keys.Order());
        var poison = await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.TicketId == ids[1]));
        Assert.Equal((1, TestApp.Now.UtcDateTime.AddSeconds(10), null, null), (poison.Attempts, poison.NextAttemptAt, poison.ParkedAt, poison.ClaimedBy));
        Assert.Equal("InvalidOperationException: 有毒的工单 cannot be delivered", poison.LastError);

        // Not due before its back-off: 10 s, then 20, 40, 80.
        clock.Advance(TimeSpan.FromSeconds(9));
        await host.Dispatcher.DeliverDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, (await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == poison.Id))).Attempts);
        foreach (var wait in new[] { 1, 20, 40, 80 })
        {
            clock.Advance(TimeSpan.FromSeconds(wait));
            await host.Dispatcher.DeliverDueAsync(TestContext.Current.CancellationToken);
        }

        poison = await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Id == poison.Id));
        Assert.Equal((5, clock.GetUtcNow().UtcDateTime), (poison.Attempts, poison.ParkedAt));

        clock.Advance(TimeSpan.FromHours(1));
        await host.Dispatcher.DeliverDueAsync(TestContext.Current.CancellationToken);
        Assert.Equal(5, consumer.Attempts[ids[1]]);
    }

    [Fact]
    public async Task RedeliveringANotificationMessage_NotifiesNobodyTwice()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        await using var host = await OutboxHost.StartAsync(_file, clock);
        await host.ComplaintAtObjectionWindowAsync();
        var message = await host.QueryAsync(db => db.OutboxMessages.SingleAsync(m => m.Type == nameof(NotificationRequested)));
        var consumer = host.Services.GetRequiredKeyedService<IOutboxConsumer>(nameof(NotificationRequested));

        for (var delivery = 0; delivery < 2; delivery++)
        {
            var ct = TestContext.Current.CancellationToken;
            await using var db = await host.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct);
            await consumer.ConsumeAsync(new OutboxDelivery(message.Id, message.Type, message.TicketId, message.Payload), db, ct);
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(1, await host.QueryAsync(db => db.Notifications.CountAsync(n => n.SourceMessageId == message.Id)));
    }

    [Fact]
    public async Task HandlerThatThrowsInTheTransaction_RollsBackTicketAuditAndOutbox()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        await using var host = await OutboxHost.StartAsync(_file, clock, s => s.AddSingleton<IInTransactionHandler, ThrowsOnNotification>());
        var id = await host.NewUrgentRefundComplaintAsync("退款时账本关闭");
        await host.PressAsync(id, "triage->handle");
        var counts = () => host.QueryAsync(async db => (await db.Tickets.CountAsync(), await db.AuditEntries.CountAsync(), await db.OutboxMessages.CountAsync()));
        var before = await counts();
        var ticket = await host.QueryAsync(db => db.Tickets.SingleAsync(t => t.Id == id));

        // Pressing on runs the Notify action, whose event the handler refuses.
        var failed = await Record.ExceptionAsync(() => host.PressAsync(id, "handle->refund"));

        Assert.Equal("The ledger is closed", Assert.IsType<InvalidOperationException>(failed).Message);
        Assert.Equal(before, await counts());
        var reloaded = await host.QueryAsync(db => db.Tickets.SingleAsync(t => t.Id == id));
        Assert.Equal(("handle", ticket.Version, TicketStatus.InProgress), (reloaded.CurrentNodeId, reloaded.Version, reloaded.Status));
    }

    /// <summary>Counts what it is given; throws for the ticket titled <see cref="FailingTitle"/>.</summary>
    public sealed class CreatedTicketConsumer : IOutboxConsumer
    {
        public string? FailingTitle { get; set; }
        public ConcurrentDictionary<long, int> Delivered { get; } = new();
        public ConcurrentDictionary<long, int> Attempts { get; } = new();

        public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
        {
            var title = await db.Tickets.Where(t => t.Id == message.TicketId).Select(t => t.Title).SingleAsync(ct);
            Attempts.AddOrUpdate(message.TicketId!.Value, 1, (_, n) => n + 1);
            if (title == FailingTitle)
            {
                throw new InvalidOperationException($"{title} cannot be delivered");
            }

            Delivered.AddOrUpdate(message.TicketId!.Value, 1, (_, n) => n + 1);
        }
    }

    internal sealed class ThrowsOnNotification : InTransactionHandler<NotificationRequested>
    {
        protected override Task HandleAsync(NotificationRequested domainEvent, ScrmDbContext db, CancellationToken ct) =>
            throw new InvalidOperationException("The ledger is closed");
    }
}

internal static class TestConsumers
{
    /// <summary>What AddOutboxConsumer registers (route and keyed consumer), with an instance the test can read.</summary>
    public static IServiceCollection AddCreatedTicketConsumer(this IServiceCollection services, OutboxDeliveryTests.CreatedTicketConsumer consumer) =>
        services.AddSingleton(new OutboxRoute(typeof(TicketCreated))).AddKeyedSingleton<IOutboxConsumer>(nameof(TicketCreated), consumer);
}
