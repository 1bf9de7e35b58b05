namespace Scrm.Web.Hosting;

/// <summary>
/// A job that runs at start and then once a minute on every instance (docs/decisions/0008): a round that fails is
/// logged and the next minute tries again, so one bad round never stops the job.
/// </summary>
public abstract class EveryMinuteService(TimeProvider time, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>The clock the job runs on (tests pass a fake one).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>What the log says when a round fails.</summary>
    protected abstract string FailureMessage { get; }

    /// <summary>One round of the job.</summary>
    protected abstract Task RunRoundAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        do
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Failure}", FailureMessage);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
