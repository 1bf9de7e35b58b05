using Scrm.Domain.Common;

namespace Scrm.Domain.Tickets;

/// <summary>A comment on a ticket (动态). Its own aggregate, so commenting never conflicts with editing the ticket.</summary>
public sealed class TicketComment : AggregateRoot
{
    public const int TextMaxLength = 2000;

    /// <summary>More than this is a broadcast, not a mention.</summary>
    public const int MaxMentions = 20;

    private readonly List<TicketCommentMention> _mentions = [];

    private TicketComment() { }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>The people @mentioned, each of whom could see the ticket when the comment was written.</summary>
    public IReadOnlyCollection<TicketCommentMention> Mentions => _mentions;

    /// <summary>The ids of <see cref="Mentions"/>: what the mention notifications are sent to.</summary>
    public IReadOnlyList<string> MentionedIds => _mentions.Select(m => m.UserId).ToList();

    /// <summary>
    /// A new comment mentioning <paramref name="mentionedIds"/>, each of whom must be among <paramref name="mayBeMentioned"/>
    /// (active staff who may read the ticket, as the caller found them): anyone else — unknown, deactivated, or not
    /// allowed to see it — refuses the whole comment rather than telling a stranger about the ticket.
    /// </summary>
    public static TicketComment Create(long ticketId, string authorId, string authorName, string? text,
        IReadOnlyCollection<string> mentionedIds, IReadOnlySet<string> mayBeMentioned, TimeProvider time)
    {
        var mentions = mentionedIds.Distinct(StringComparer.Ordinal).ToList();
        if (mentions.Count > MaxMentions)
        {
            throw new DomainException("MentionTooMany", $"Mention at most {MaxMentions} people in one comment.", MaxMentions) { Field = "Mentions" };
        }

        var refused = mentions.Count(id => !mayBeMentioned.Contains(id));
        if (refused > 0)
        {
            throw new DomainException("MentionNotAllowed",
                $"{refused} of the people mentioned cannot see this ticket or no longer work here; remove them and try again.", refused) { Field = "Mentions" };
        }

        var comment = new TicketComment
        {
            TicketId = ticketId,
            AuthorId = authorId,
            AuthorName = authorName,
            Text = Guard.RequiredText(text, "Comment", TextMaxLength),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        comment._mentions.AddRange(mentions.Select(id => new TicketCommentMention(id)));
        comment.Raise(new TicketCommented(comment));
        return comment;
    }
}

/// <summary>One person @mentioned in a comment.</summary>
public sealed class TicketCommentMention
{
    private TicketCommentMention() { }

    internal TicketCommentMention(string userId) => UserId = userId;

    public long CommentId { get; private set; }
    public string UserId { get; private set; } = "";
}
