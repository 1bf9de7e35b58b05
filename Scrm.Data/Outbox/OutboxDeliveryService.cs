using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Scrm.Data.Outbox;

/// <summary>
/// Runs on every instance: every few seconds delivers whatever outbox messages are due. Claims keep instances from
/// delivering the same message, so no instance needs to be the only one.
/// </summary>
public sealed class OutboxDeliveryService(OutboxDispatcher dispatcher, TimeProvider time, ILogger<OutboxDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Claiming itself failed (the database is away); the next tick tries again.
                logger.LogError(ex, "Delivering outbox messages failed; retrying in {Interval}.", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
