using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Notifications;

/// <summary>A workflow's Notify action: the ticket's assignee and creator get the designer's message under the bell.</summary>
public sealed class WorkflowNotificationConsumer(TimeProvider time) : IOutboxConsumer
{
    private sealed record Payload(string NodeId, string Message);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        if (message.TicketId is not { } ticketId)
        {
            return;
        }

        var people = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new { t.AssigneeId, t.CreatedById }).SingleOrDefaultAsync(ct);
        var ids = new[] { people?.AssigneeId, people?.CreatedById }.OfType<string>().Distinct().ToList();
        var recipients = await db.UserProfiles.AsNoTracking().Where(p => ids.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(ct);
        await NotificationsOf.AddAsync(db, message, ticketId, recipients, NotificationKind.Workflow, message.Read<Payload>().Message, time, ct);
    }
}

/// <summary>
/// A Timer ran out with escalation: every active supervisor who can open the ticket (central, or with its region among
/// theirs) is told which step it was.
/// </summary>
public sealed class EscalationNotificationConsumer(TimeProvider time) : IOutboxConsumer
{
    private sealed record Payload(string NodeId, string NodeName);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        if (message.TicketId is not { } ticketId)
        {
            return;
        }

        var regionId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.RegionId).SingleOrDefaultAsync(ct);
        var seeing = RegionScope.UsersSeeing(db, regionId);
        var supervisors = await db.UserProfiles.AsNoTracking().Where(p => p.Role == Role.Supervisor && p.IsActive && seeing.Contains(p.Id))
            .Select(p => p.Id).ToListAsync(ct);
        await NotificationsOf.AddAsync(db, message, ticketId, supervisors, NotificationKind.Escalation, message.Read<Payload>().NodeName, time, ct);
    }
}
