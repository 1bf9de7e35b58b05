using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Web.Hosting;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// Once a minute on every instance: deletes the files of exports done a day ago and marks them expired; marks done
/// exports whose file vanished from the folder the same way; fails runs that stopped reporting (the instance died) and
/// requests nobody took up. Each is a versioned change of its job, so two instances cannot both make it.
/// </summary>
public sealed class ExportCleanupService(UnitOfWork work, ExportFiles files, TimeProvider time, ILogger<ExportCleanupService> logger)
    : EveryMinuteService(time, logger)
{
    /// <summary>A running export saves progress every few thousand rows, seconds apart; this long without means it died.</summary>
    public static readonly TimeSpan SilentRunLimit = TimeSpan.FromMinutes(10);

    /// <summary>A request not taken up in this long is failed, so its owner can ask again.</summary>
    public static readonly TimeSpan QueuedLimit = TimeSpan.FromHours(1);

    /// <summary>What one round did.</summary>
    public sealed record RunResult(int Expired, int Interrupted);

    protected override string FailureMessage => "Cleaning up exports failed; retrying in a minute.";

    protected override Task RunRoundAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<RunResult> RunOnceAsync(CancellationToken ct)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var (silentSince, queuedSince) = (now - SilentRunLimit, now - QueuedLimit);
        var candidates = await work.ReadAsync((db, t) => db.ExportJobs.AsNoTracking()
            .Where(j => j.State == ExportState.Done
                || (j.State == ExportState.Running && j.UpdatedAt < silentSince)
                || (j.State == ExportState.Queued && j.RequestedAt < queuedSince))
            .Select(j => new { j.Id, j.State, j.ExpiresAt }).ToListAsync(t), ct);

        var (expired, interrupted) = (0, 0);
        foreach (var job in candidates)
        {
            if (job.State != ExportState.Done)
            {
                interrupted += await ChangeAsync(job.Id, j => j.IsActive, j => j.Fail(ExportFailure.Interrupted, Time), ct) ? 1 : 0;
            }
            else if (job.ExpiresAt <= now || !files.Exists(job.Id))
            {
                expired += await ChangeAsync(job.Id, j => j.State == ExportState.Done, j => j.Expire(Time, fileVanished: !j.IsDueToExpire(now)), ct) ? 1 : 0;
            }
        }

        return new RunResult(expired, interrupted);
    }

    /// <summary>Changes the job if it is still in the state it was found in, then deletes its file; false when another instance was first.</summary>
    private async Task<bool> ChangeAsync(Guid jobId, Func<ExportJob, bool> stillDue, Action<ExportJob> change, CancellationToken ct)
    {
        try
        {
            var changed = await work.RunAsync(Actor.System(ActorChannel.Job), async (db, t) =>
            {
                var job = await db.ExportJobs.SingleAsync(j => j.Id == jobId, t);
                if (!stillDue(job))
                {
                    return false;
                }

                change(job);
                await db.SaveChangesAsync(t);
                return true;
            }, ct);
            if (changed)
            {
                files.Delete(jobId);
            }

            return changed;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
