using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Providers;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Hosting;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Sla;

/// <summary>
/// 超时升级: every minute on every instance, reads the SLA clocks of the open tickets, sends each escalation level that
/// has fallen due, and flags tickets whose target ran out. Exactly once per level and ticket: a sent level is a row
/// under a unique key, written with its outbox message in one transaction, so a second run — on this instance after a
/// restart, or on another at the same moment — finds it or is refused by the key. A breach flag is a versioned change
/// of the ticket, so two runs cannot both make it.
/// </summary>
public sealed class SlaEscalationService(IServiceScopeFactory scopes, TimeProvider time, ILogger<SlaEscalationService> logger)
    : EveryMinuteService(time, logger)
{
    /// <summary>What one run did.</summary>
    public sealed record RunResult(int Sent, int Breached);

    private sealed record DueLevel(long TicketId, SlaPolicy Policy, EscalationLevel Level, TimeSpan Used);

    private sealed record Breach(long TicketId, long Version, SlaTarget Target);

    protected override string FailureMessage => "Checking SLA escalations failed; retrying in a minute.";

    protected override Task RunRoundAsync(CancellationToken ct) => RunOnceAsync(ct);

    public async Task<RunResult> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var work = scope.ServiceProvider.GetRequiredService<UnitOfWork>();
        var reader = scope.ServiceProvider.GetRequiredService<SlaReader>();
        var rulesCache = scope.ServiceProvider.GetRequiredService<SlaRulesCache>();
        var now = Time.GetUtcNow().UtcDateTime;
        var (due, breaches) = await work.ReadAsync(async (db, token) =>
        {
            var rules = await rulesCache.GetAsync(db, token);
            var open = db.Tickets.Where(t => t.SlaStoppedAt == null && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled);
            var sent = (await db.SlaEscalations.Where(e => open.Any(t => t.Id == e.TicketId))
                .Select(e => new { e.TicketId, e.PolicyId, e.Level }).ToListAsync(token))
                .Select(e => (e.TicketId, e.PolicyId, e.Level)).ToHashSet();
            var dueLevels = new List<DueLevel>();
            var breached = new List<Breach>();
            foreach (var ticket in await SlaReader.LoadAsync(db, open, token))
            {
                var running = await reader.RunningAsync(db, rules, ticket, now, token);
                if (rules.PolicyFor(ticket.TemplateId, ticket.Urgency) is { } policy)
                {
                    dueLevels.AddRange(policy.Levels
                        .Where(l => !sent.Contains((ticket.Id, policy.Id, l.Level)))
                        .Select(l => (Level: l, State: running.FirstOrDefault(s => s.Target == l.Target)))
                        .Where(x => x.State is not null && x.State.Used >= TimeSpan.FromMinutes(x.Level.AfterMinutes))
                        .Select(x => new DueLevel(ticket.Id, policy, x.Level, x.State!.Used)));
                }

                if (ticket.SlaBreachedAt is null && running.FirstOrDefault(s => s.Band == SlaBand.Breached) is { } breach)
                {
                    breached.Add(new Breach(ticket.Id, ticket.Version, breach.Target));
                }
            }

            return (dueLevels, breached);
        }, ct);

        var job = Actor.System(ActorChannel.Job);
        var sentCount = 0;
        foreach (var level in due.OrderBy(d => d.TicketId).ThenBy(d => d.Level.Level))
        {
            sentCount += await SendAsync(work, job, level, now, ct) ? 1 : 0;
        }

        var breachedCount = 0;
        foreach (var breach in breaches)
        {
            breachedCount += await FlagAsync(work, job, breach, now, ct) ? 1 : 0;
        }

        return new RunResult(sentCount, breachedCount);
    }

    private async Task<bool> SendAsync(UnitOfWork work, Actor job, DueLevel due, DateTime now, CancellationToken ct)
    {
        try
        {
            await work.RunAsync(job, async (db, token) =>
            {
                db.SlaEscalations.Add(SlaEscalation.Send(due.TicketId, due.Policy, due.Level, due.Used, now));
                await db.SaveChangesAsync(token);
            }, ct);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseProvider.IsUniqueViolation(ex))
        {
            // Another run got there first: the level is sent, once.
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Escalation level {Level} of ticket {TicketId} could not be sent; retrying next round.", due.Level.Level, due.TicketId);
            return false;
        }
    }

    private async Task<bool> FlagAsync(UnitOfWork work, Actor job, Breach breach, DateTime now, CancellationToken ct)
    {
        try
        {
            return await work.RunAsync(job, async (db, token) =>
            {
                var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == breach.TicketId, token);
                // Changed since we read it (moved on, finished, flagged by another run): the next round reads it afresh.
                if (ticket is null || ticket.Version != breach.Version || ticket.SlaBreachedAt is not null)
                {
                    return false;
                }

                ticket.MarkSlaBreached(breach.Target, now);
                await db.SaveChangesOrConflictAsync(token);
                return true;
            }, ct);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The SLA breach of ticket {TicketId} could not be flagged; retrying next round.", breach.TicketId);
            return false;
        }
    }
}
