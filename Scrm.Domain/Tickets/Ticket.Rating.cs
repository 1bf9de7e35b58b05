using Scrm.Domain.Common;

namespace Scrm.Domain.Tickets;

/// <summary>
/// What the customer made of the work: the 回访 (follow-up call) or the customer records a satisfaction score of 1–5
/// once the ticket is resolved, and how often the ticket came back (reopened after being resolved). Both feed the
/// operations dashboard (satisfaction, first-time fix and reopen rates).
/// </summary>
public sealed partial class Ticket
{
    public const int MinRating = 1;
    public const int MaxRating = 5;
    public const int RatingCommentMaxLength = 500;

    /// <summary>How many times the ticket was reopened after being resolved (返修): 0 is a first-time fix.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>满意度: 1 (very dissatisfied) to 5 (very satisfied); null until the customer is asked.</summary>
    public int? Rating { get; private set; }

    public string? RatingComment { get; private set; }
    public DateTime? RatedAt { get; private set; }

    /// <summary>Records the customer's score; a later call corrects it (the customer changed their mind).</summary>
    public void Rate(int score, string? comment, DateTime now)
    {
        if (Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            throw new DomainException("RatingNeedsFinishedTicket", "A ticket can be rated once it is resolved.");
        }

        if (score is < MinRating or > MaxRating)
        {
            throw new DomainException("RatingOutOfRange", $"The rating must be from {MinRating} to {MaxRating} stars.", MinRating.ToString(System.Globalization.CultureInfo.InvariantCulture), MaxRating.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Field = nameof(Rating) };
        }

        var text = Guard.OptionalText(comment, nameof(RatingComment), RatingCommentMaxLength);
        if (Rating == score && RatingComment == text)
        {
            return;
        }

        Rating = score;
        RatingComment = text;
        RatedAt = now;
        UpdatedAt = now;
        Raise(new TicketRated(this, score));
    }
}
