using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Auditing;

namespace Scrm.Web.Features.Tickets;

/// <summary>
/// Moves tickets on from Timer nodes whose wait is over. Runs every minute in the background; each due ticket is
/// saved on its own, so one refused move (a concurrent edit) does not hold up the others.
/// </summary>
public sealed class WorkflowTimerService(IServiceScopeFactory scopes, TimeProvider time, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await FireDueTimersAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Firing workflow timers failed; retrying in a minute.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Fires every timer due now; returns how many tickets moved on.</summary>
    public async Task<int> FireDueTimersAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        var now = time.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            due = await db.Tickets.Where(t => t.TimerDueAt != null && t.TimerDueAt <= now).Select(t => t.Id).Take(500).ToListAsync(ct);
        }

        var moved = 0;
        foreach (var id in due)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.Actor = AuditActor.System;
            var ticket = await db.Tickets.Include(t => t.Fields).Include(t => t.Visits).AsSplitQuery().SingleAsync(t => t.Id == id, ct);
            if (await Workflows.VersionOfAsync(db, ticket, ct) is not { } workflow)
            {
                continue;
            }

            var template = await db.TicketTemplates.AsNoTracking().WithForm().SingleAsync(t => t.Id == ticket.TemplateId, ct);
            if (ticket.FireTimer(workflow.Graph, template, await Workflows.FactsAsync(db, ticket, ct), time))
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                    moved++;
                }
                catch (DbUpdateConcurrencyException)
                {
                    // Someone edited the ticket meanwhile; the timer is still due and fires on the next round.
                }
            }
        }

        return moved;
    }
}
