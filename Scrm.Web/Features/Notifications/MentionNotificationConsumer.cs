using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;

namespace Scrm.Web.Features.Notifications;

/// <summary>
/// A comment @mentioned people: each of them (still active, and not the author) gets the start of the comment under
/// the bell. Who may be mentioned was checked when the comment was written.
/// </summary>
public sealed class MentionNotificationConsumer(TimeProvider time) : IOutboxConsumer
{
    /// <summary>Enough of the comment to tell what it is about; the ticket page has the rest.</summary>
    public const int SnippetLength = 80;

    private sealed record CommentPayload(string AuthorId, string Text, IReadOnlyList<string> MentionedIds);

    private sealed record Payload(CommentPayload Comment);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        var comment = message.Read<Payload>().Comment;
        var mentioned = comment.MentionedIds.Where(id => id != comment.AuthorId).ToList();
        if (message.TicketId is not { } ticketId || mentioned.Count == 0)
        {
            return;
        }

        var recipients = await db.UserProfiles.AsNoTracking().Where(p => mentioned.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(ct);
        await NotificationsOf.AddAsync(db, message, ticketId, recipients, NotificationKind.Mentioned, Snippet(comment.Text), time, ct);
    }

    /// <summary>The comment on one line, cut after <see cref="SnippetLength"/> characters with an ellipsis.</summary>
    public static string Snippet(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return Guard.Fits(line, SnippetLength) ? line : Guard.Clip(line, SnippetLength) + "…";
    }
}
