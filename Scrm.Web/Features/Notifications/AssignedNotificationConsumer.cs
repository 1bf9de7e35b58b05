using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Notifications;

namespace Scrm.Web.Features.Notifications;

/// <summary>
/// A ticket got a new assignee — from a person, a rule or a job: the assignee hears who gave it to them (nobody named
/// for the system), unless they took it themselves or the assignment is over by the time it is delivered.
/// </summary>
public sealed class AssignedNotificationConsumer(TimeProvider time) : IOutboxConsumer
{
    private sealed record Payload(string? From, string? To);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        if (message.TicketId is not { } ticketId || message.Read<Payload>().To is not { } assignee || assignee == message.ActorId)
        {
            return;
        }

        // Deactivated since, or the ticket has moved on (given to someone else, finished): there is nothing to tell.
        if (!await db.UserProfiles.AnyAsync(p => p.Id == assignee && p.IsActive, ct)
            || !await db.Tickets.AnyAsync(t => t.Id == ticketId && t.AssigneeId == assignee && t.SlaStoppedAt == null
                && t.Status != Domain.Tickets.TicketStatus.Closed && t.Status != Domain.Tickets.TicketStatus.Cancelled, ct))
        {
            return;
        }

        var assigner = await db.UserProfiles.AsNoTracking().Where(p => p.Id == message.ActorId).Select(p => p.DisplayName).SingleOrDefaultAsync(ct);
        await NotificationsOf.AddAsync(db, message, ticketId, [assignee], NotificationKind.Assigned, assigner ?? "", time, ct);
    }
}
