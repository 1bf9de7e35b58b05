using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Data.Rollups;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Admin;

/// <summary>One rebuild of the dashboards' rollups: who started it and when; once over, what it counted or why it failed.</summary>
public sealed record RollupRebuildRun(string StartedByName, DateTime StartedAt)
{
    public DateTime? FinishedAt { get; init; }
    public RollupRebuildResult? Result { get; init; }

    /// <summary>Why the rebuild failed (the exception's message, as the outbox page shows one); null when it succeeded.</summary>
    public string? Failure { get; init; }
}

/// <summary>
/// The admin's "rebuild rollups" button: runs <see cref="RollupRebuild"/> in the background (about 35 s at a million
/// tickets, too long for a circuit event or a request), one at a time per instance, and keeps the last result for the
/// maintenance page. The rebuild takes the rollup tables' write lock itself, so a second instance's rebuild waits for it.
/// </summary>
public sealed class RollupRebuildRunner(IDbContextFactory<ScrmDbContext> factory, UnitOfWork work, IChangeFeed feed, TimeProvider time,
    ILogger<RollupRebuildRunner> logger, IHostApplicationLifetime? lifetime = null) : IHostedService
{
    /// <summary>What the change published after a rebuild says changed (a settlement-kind change every dashboard re-reads on).</summary>
    public const string Rebuilt = "RollupsRebuilt";

    private readonly Lock _lock = new();

    /// <summary>The app is shutting down (a host without a lifetime, as in component tests, never stops a rebuild).</summary>
    private CancellationToken Stopping => lifetime?.ApplicationStopping ?? CancellationToken.None;
    private Task _running = Task.CompletedTask;

    /// <summary>The rebuild running now, if any.</summary>
    public RollupRebuildRun? Current { get; private set; }

    /// <summary>The last rebuild that ended since the app started, if any.</summary>
    public RollupRebuildRun? Last { get; private set; }

    /// <summary>Raised on a background thread when a rebuild starts or ends; a page re-reads <see cref="Current"/> and <see cref="Last"/>.</summary>
    public event Action? Changed;

    /// <summary>Starts a rebuild for an admin and returns at once; refused while one is running.</summary>
    public async Task StartAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        // The session check every command makes: a deactivated admin's open circuit starts nothing.
        await work.RunAsync(actor, (_, _) => Task.CompletedTask, ct);
        lock (_lock)
        {
            if (Current is not null)
            {
                throw new DomainException("RollupRebuildRunning", "A rebuild is already running; wait for it to finish.");
            }

            var run = new RollupRebuildRun(actor.DisplayName, time.GetUtcNow().UtcDateTime);
            Current = run;
            _running = Task.Run(() => RunAsync(run, actor), CancellationToken.None);
        }

        Changed?.Invoke();
    }

    private async Task RunAsync(RollupRebuildRun run, Actor actor)
    {
        logger.LogInformation("Rollup rebuild started by {User}.", run.StartedByName);
        RollupRebuildRun ended;
        try
        {
            await using var db = await factory.CreateDbContextAsync(Stopping);
            var result = await RollupRebuild.RunAsync(db, time, Stopping);
            ended = run with { FinishedAt = time.GetUtcNow().UtcDateTime, Result = result };
            logger.LogInformation("Rollups rebuilt from {Tickets} tickets and {Entries} ledger entries in {Seconds:N1} s.",
                result.Tickets, result.LedgerEntries, result.Took.TotalSeconds);
        }
        catch (Exception ex)
        {
            if (Stopping.IsCancellationRequested)
            {
                logger.LogInformation("Rollup rebuild stopped by shutdown; the rollups are as they were (the rebuild is one transaction).");
            }
            else
            {
                logger.LogError(ex, "Rollup rebuild failed.");
            }

            ended = run with { FinishedAt = time.GetUtcNow().UtcDateTime, Failure = ex.Message };
        }

        lock (_lock)
        {
            (Current, Last) = (null, ended);
        }

        if (ended.Result is not null)
        {
            // Open dashboards re-read on a settlement-kind change that names no region; no other page acts on one with id 0.
            feed.Publish([new Change(ChangeKinds.Settlement, 0, 0, [Rebuilt], actor.UserId, actor.DisplayName)]);
        }

        Changed?.Invoke();
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// On shutdown a running rebuild is awaited: the app's stopping token, which fires before this, has cancelled it (its
    /// transaction rolls back).
    /// </summary>
    Task IHostedService.StopAsync(CancellationToken cancellationToken) => _running.WaitAsync(cancellationToken);
}
