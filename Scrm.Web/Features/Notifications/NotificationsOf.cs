using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Notifications;

namespace Scrm.Web.Features.Notifications;

/// <summary>The one way consumers notify people: every kind, present and future, passes the recipients' preferences here.</summary>
internal static class NotificationsOf
{
    /// <summary>
    /// Adds one notification per recipient who wants this kind and has none from this message yet: delivering the
    /// message again (at least once) adds nothing. The unit of work saves them with the message's delivery mark.
    /// </summary>
    public static async Task AddAsync(ScrmDbContext db, OutboxDelivery message, long ticketId, IReadOnlyList<string> recipients,
        NotificationKind kind, string text, TimeProvider time, CancellationToken ct)
    {
        var already = await db.Notifications.AsNoTracking().Where(n => n.SourceMessageId == message.MessageId).Select(n => n.RecipientId).ToListAsync(ct);
        var muted = await db.NotificationPreferences.AsNoTracking()
            .Where(p => recipients.Contains(p.UserId) && p.Muted.Any(m => m.Kind == kind)).Select(p => p.UserId).ToListAsync(ct);
        foreach (var recipient in recipients.Distinct(StringComparer.Ordinal).Except(already).Except(muted))
        {
            db.Notifications.Add(Notification.Create(recipient, ticketId, kind, text, message.MessageId, time));
        }
    }
}
