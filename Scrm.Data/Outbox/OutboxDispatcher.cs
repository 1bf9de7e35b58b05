using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scrm.Domain.Common;

namespace Scrm.Data.Outbox;

/// <summary>
/// Delivers due outbox messages: claims a batch, then hands each message to the consumer registered for its type in
/// a unit of work of its own. A failure is counted and retried later with back-off, and parked after
/// <see cref="MaxAttempts"/>; it never holds up the other messages.
/// </summary>
public sealed class OutboxDispatcher(UnitOfWork work, IServiceProvider services, TimeProvider time, ILogger<OutboxDispatcher> logger)
{
    public const int MaxAttempts = 5;
    public const int BatchSize = 20;

    /// <summary>Long enough for a batch; a claim that outlives a crashed instance is taken over after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromMinutes(30);

    /// <summary>Wait before the next attempt after the <paramref name="failures"/>th failure: doubling from 10 s, at most 30 min.</summary>
    public static TimeSpan BackOff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackOff.Ticks, FirstBackOff.Ticks << Math.Clamp(failures - 1, 0, 20)));

    /// <summary>Claims and works one batch; returns how many messages it claimed (a full batch means there may be more).</summary>
    public async Task<int> DeliverBatchAsync(CancellationToken ct)
    {
        var token = OutboxClaims.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        // Claiming writes (a conditional UPDATE), so it runs as a command: retried as a whole on a transient fault.
        var batch = await work.RunAsync(Actor.System(ActorChannel.Job), (db, t) => OutboxClaims.ClaimAsync(db, token, now, Lease, BatchSize, t), ct);
        foreach (var message in batch)
        {
            await DeliverAsync(message, token, ct);
        }

        return batch.Count;
    }

    /// <summary>Works batches until nothing is due.</summary>
    public async Task DeliverDueAsync(CancellationToken ct)
    {
        while (await DeliverBatchAsync(ct) == BatchSize)
        {
        }
    }

    private async Task DeliverAsync(OutboxMessage message, string token, CancellationToken ct)
    {
        var job = Actor.System(ActorChannel.Job);
        try
        {
            var consumer = services.GetKeyedService<IOutboxConsumer>(message.Type)
                ?? throw new InvalidOperationException($"No consumer is registered for {message.Type}.");
            await work.RunAsync(job, async (db, t) =>
            {
                // Still ours? If the claim ran out and another instance took the message over, it delivers it.
                if (await ClaimedAsync(db, message.Id, token, t) is not { } row)
                {
                    return;
                }

                await consumer.ConsumeAsync(OutboxDelivery.Of(message), db, t);
                row.Delivered(time.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(t);
            }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordFailureAsync(message, token, ex, ct);
        }
    }

    private async Task RecordFailureAsync(OutboxMessage message, string token, Exception error, CancellationToken ct)
    {
        var parked = false;
        await work.RunAsync(Actor.System(ActorChannel.Job), async (db, t) =>
        {
            if (await ClaimedAsync(db, message.Id, token, t) is { } row)
            {
                row.Failed($"{error.GetType().Name}: {error.Message}", time.GetUtcNow().UtcDateTime, BackOff(row.Attempts + 1), MaxAttempts);
                parked = row.ParkedAt is not null;
                await db.SaveChangesAsync(t);
            }
        }, ct);

        if (parked)
        {
            logger.LogError(error, "Outbox message {MessageId} ({Type}) failed {Attempts} times and is parked for an admin.", message.Id, message.Type, MaxAttempts);
        }
        else
        {
            logger.LogWarning(error, "Outbox message {MessageId} ({Type}) failed; it is retried later.", message.Id, message.Type);
        }
    }

    private static Task<OutboxMessage?> ClaimedAsync(ScrmDbContext db, long id, string token, CancellationToken ct) =>
        db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == id && m.ClaimedBy == token && m.DeliveredAt == null, ct);
}
