using Scrm.Domain.Common;

namespace Scrm.Domain.Tickets;

/// <summary>A comment on a ticket (动态). Its own aggregate, so commenting never conflicts with editing the ticket.</summary>
public sealed class TicketComment : AggregateRoot
{
    public const int TextMaxLength = 2000;

    private TicketComment() { }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public string AuthorId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    public static TicketComment Create(long ticketId, string authorId, string authorName, string? text, TimeProvider time)
    {
        var comment = new TicketComment
        {
            TicketId = ticketId,
            AuthorId = authorId,
            AuthorName = authorName,
            Text = Guard.RequiredText(text, "Comment", TextMaxLength),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        comment.Raise(new TicketCommented(comment));
        return comment;
    }
}
