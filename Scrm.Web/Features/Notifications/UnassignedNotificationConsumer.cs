using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Notifications;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Notifications;

/// <summary>
/// The assignment rules found nobody for a ticket: every active supervisor who can open it (central, or with its region
/// among theirs) is told it waits to be assigned by hand.
/// </summary>
public sealed class UnassignedNotificationConsumer(TimeProvider time) : IOutboxConsumer
{
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
        await NotificationsOf.AddAsync(db, message, ticketId, supervisors, NotificationKind.Unassigned, "", time, ct);
    }
}
