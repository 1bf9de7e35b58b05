using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Notifications;
using Scrm.Domain.Sla;
using Scrm.Domain.Users;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Sla;

/// <summary>
/// Tells an escalation level's recipients under the bell: the supervisors of the ticket's region, its regional director
/// (the city's, else its province's), or a named person. Nobody is left uninformed by a gap in the setup: a director not
/// set, or a person deactivated since, passes the escalation to the region's supervisors instead.
/// </summary>
public sealed class SlaEscalationConsumer(TimeProvider time) : IOutboxConsumer
{
    private sealed record Payload(long TicketId, int Level, SlaTarget Target, EscalationRecipient Recipient, string? UserId);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        var escalation = message.Read<Payload>();
        var regionId = await db.Tickets.Where(t => t.Id == escalation.TicketId).Select(t => t.RegionId).SingleOrDefaultAsync(ct);
        var person = escalation.Recipient switch
        {
            EscalationRecipient.User => escalation.UserId,
            EscalationRecipient.RegionDirector => await DirectorOfAsync(db, regionId, ct),
            _ => null,
        };
        List<string> recipients = person is not null && await db.UserProfiles.AnyAsync(p => p.Id == person && p.IsActive, ct)
            ? [person]
            : await SupervisorsAsync(db, regionId, ct);
        await NotificationsOf.AddAsync(db, message, escalation.TicketId, recipients, NotificationKind.SlaEscalation, escalation.Target.ToString(), time, ct);
    }

    private static async Task<string?> DirectorOfAsync(ScrmDbContext db, long? regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new { r.DirectorId, r.ParentId }).SingleOrDefaultAsync(ct);
        return region?.DirectorId
            ?? (region?.ParentId is { } parent ? await db.Regions.Where(r => r.Id == parent).Select(r => r.DirectorId).SingleOrDefaultAsync(ct) : null);
    }

    private static Task<List<string>> SupervisorsAsync(ScrmDbContext db, long? regionId, CancellationToken ct)
    {
        var seeing = RegionScope.UsersSeeing(db, regionId);
        return db.UserProfiles.AsNoTracking().Where(p => p.Role == Role.Supervisor && p.IsActive && seeing.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
    }
}
