using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Notifications;

/// <summary>One line under the bell: the message, the ticket it is about, and whether it has been read.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Text, long TicketId, string TicketNumber, string TicketTitle, DateTime CreatedAt, bool IsRead);

/// <summary>
/// The signed-in user's in-app notifications (站内通知). Every role that can sign in has a bell, customers too, so the
/// only rule is ownership: each method reads or changes the actor's own notifications, and only theirs.
/// </summary>
public sealed class NotificationService(UnitOfWork work, TimeProvider time)
{
    /// <summary>How many the bell lists: enough for a day's work; older ones are still counted as unread.</summary>
    public const int ListSize = 30;

    public Task<int> UnreadCountAsync(Actor actor, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.ReadAsync((db, token) => db.Notifications.CountAsync(n => n.RecipientId == userId && n.ReadAt == null, token), ct);
    }

    /// <summary>The actor's newest <paramref name="take"/> notifications, newest first, with the ticket's number and title.</summary>
    public Task<IReadOnlyList<NotificationRow>> ListAsync(Actor actor, int take = ListSize, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.ReadAsync<IReadOnlyList<NotificationRow>>(async (db, token) => await (
            from n in db.Notifications.AsNoTracking()
            join t in db.Tickets on n.TicketId equals t.Id
            where n.RecipientId == userId
            orderby n.CreatedAt descending, n.Id descending
            select new NotificationRow(n.Id, n.Kind, n.Text, t.Id, t.Number, t.Title, n.CreatedAt, n.ReadAt != null))
            .Take(Math.Clamp(take, 1, 100))
            .ToListAsync(token), ct);
    }

    /// <summary>Marks one of the actor's notifications read; reading it again changes nothing. Someone else's is refused.</summary>
    public Task MarkReadAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.RunAsync(actor, async (db, token) =>
        {
            var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id, token);

            // A missing id is refused like someone else's: the answer must not tell which ids exist.
            if (notification is null || notification.RecipientId != userId)
            {
                throw new ForbiddenException();
            }

            notification.MarkRead(userId, time);
            await db.SaveChangesAsync(token);
        }, ct);
    }

    /// <summary>Marks every unread notification of the actor read, in one save (one change per notification on the feed).</summary>
    public Task MarkAllReadAsync(Actor actor, CancellationToken ct = default)
    {
        var userId = actor.Require().UserId;
        return work.RunAsync(actor, async (db, token) =>
        {
            var unread = await db.Notifications.Where(n => n.RecipientId == userId && n.ReadAt == null).ToListAsync(token);
            foreach (var notification in unread)
            {
                notification.MarkRead(userId, time);
            }

            await db.SaveChangesAsync(token);
        }, ct);
    }
}
