using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Admin;

/// <summary>A parked (dead) outbox message, as the admin list shows it.</summary>
public sealed record ParkedMessageRow(long Id, string Type, long? TicketId, string? TicketNumber, int Attempts, string? LastError,
    DateTime CreatedAt, DateTime ParkedAt);

/// <summary>A ticket whose workflow timer failed too often to fire.</summary>
public sealed record ParkedTimerRow(long TicketId, string TicketNumber, string? NodeId, int Failures, string? Error, DateTime ParkedAt);

/// <summary>What the background work is doing: messages waiting and done, and what is parked for an admin.</summary>
public sealed record BackgroundWorkOverview(int Pending, int Delivered, IReadOnlyList<ParkedMessageRow> ParkedMessages,
    IReadOnlyList<ParkedTimerRow> ParkedTimers);

/// <summary>Admins look at parked background work and send it back once its cause is fixed.</summary>
public sealed class OutboxAdminService(UnitOfWork work, TimeProvider time)
{
    private const int ListLimit = 200;

    public async Task<BackgroundWorkOverview> GetAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync(async (db, token) =>
        {
            var pending = await db.OutboxMessages.CountAsync(m => m.DeliveredAt == null && m.ParkedAt == null, token);
            var delivered = await db.OutboxMessages.CountAsync(m => m.DeliveredAt != null, token);
            var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.DeliveredAt == null && m.ParkedAt != null)
                .OrderByDescending(m => m.ParkedAt).ThenByDescending(m => m.Id).Take(ListLimit)
                .Select(m => new ParkedMessageRow(m.Id, m.Type, m.TicketId, m.Ticket != null ? m.Ticket.Number : null, m.Attempts, m.LastError,
                    m.CreatedAt, m.ParkedAt!.Value))
                .ToListAsync(token);
            var timers = await db.Tickets.AsNoTracking().Where(t => t.TimerParkedAt != null)
                .OrderByDescending(t => t.TimerParkedAt).ThenByDescending(t => t.Id).Take(ListLimit)
                .Select(t => new ParkedTimerRow(t.Id, t.Number, t.CurrentNodeId, t.TimerFailures, t.TimerError, t.TimerParkedAt!.Value))
                .ToListAsync(token);
            return new BackgroundWorkOverview(pending, delivered, messages, timers);
        }, ct);
    }

    /// <summary>Sends a parked message back: due at once, its attempts counted afresh.</summary>
    public Task RetryMessageAsync(Actor actor, long messageId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var message = await db.OutboxMessages.SingleOrDefaultAsync(m => m.Id == messageId, token)
                ?? throw new DomainException("OutboxNotParked", $"Outbox message {messageId} is not parked.", messageId);
            message.Retry(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(token);
        }, ct);
    }

    /// <summary>Sends a parked timer back to the timer job.</summary>
    public Task RetryTimerAsync(Actor actor, long ticketId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId, token) ?? throw new ForbiddenException();
            ticket.RetryTimer();
            await db.SaveChangesOrConflictAsync(token);
        }, ct);
    }
}
