using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Web.Hosting;

namespace Scrm.Web.Features.Tickets;

/// <summary>
/// Moves tickets on from Timer nodes whose wait is over, oldest due first, every minute on every instance. Each ticket
/// is one command of its own: when two instances reach the same ticket, its concurrency token lets only one move it.
/// A ticket whose timer fails is counted and skipped without holding up the rest; after <see cref="MaxFailures"/>
/// failures its timer is parked for an admin (/admin/outbox) instead of failing every minute forever.
/// </summary>
public sealed class WorkflowTimerService(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTimerService> logger)
    : EveryMinuteService(time, logger)
{
    public const int MaxFailures = 3;
    private const int BatchSize = 200;

    protected override string FailureMessage => "Firing workflow timers failed; retrying in a minute.";

    protected override Task RunRoundAsync(CancellationToken ct) => FireDueTimersAsync(ct);

    /// <summary>Fires every timer due now; returns how many tickets moved on.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var now = Time.GetUtcNow().UtcDateTime;
        var due = await work.ReadAsync((db, token) => db.Tickets.Where(t => t.TimerDueAt != null && t.TimerDueAt <= now && t.TimerParkedAt == null)
            .OrderBy(t => t.TimerDueAt).ThenBy(t => t.Id).Select(t => t.Id).Take(BatchSize).ToListAsync(token), ct);

        var moved = 0;
        var job = Actor.System(ActorChannel.Job);
        foreach (var id in due)
        {
            try
            {
                moved += await tickets.FireTimerAsync(job, id, ct) ? 1 : 0;
            }
            catch (Security.ConcurrencyConflictException)
            {
                // Someone (or another instance) changed the ticket meanwhile; if still due it fires on the next round.
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await RecordFailureAsync(work, job, id, ex, ct);
            }
        }

        return moved;
    }

    private async Task RecordFailureAsync(UnitOfWork work, Actor job, long ticketId, Exception error, CancellationToken ct)
    {
        try
        {
            var parked = await work.RunAsync(job, async (db, token) =>
            {
                var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, token);
                ticket.RecordTimerFailure($"{error.GetType().Name}: {error.Message}", MaxFailures, Time);
                await db.SaveChangesAsync(token);
                return ticket.TimerParkedAt is not null;
            }, ct);
            if (parked)
            {
                logger.LogError(error, "The timer of ticket {TicketId} failed too often and is parked for an admin.", ticketId);
            }
            else
            {
                logger.LogError(error, "The timer of ticket {TicketId} could not fire; the other tickets go on.", ticketId);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Counting failed too (the ticket changed meanwhile, or the database is away): it is tried again next round.
            logger.LogError(error, "The timer of ticket {TicketId} could not fire, and counting the failure failed too: {Reason}", ticketId, ex.Message);
        }
    }
}
