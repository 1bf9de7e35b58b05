using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Tickets;

/// <summary>The customer's satisfaction with a finished ticket (满意度回访).</summary>
public sealed partial class TicketService
{
    /// <summary>
    /// Records or corrects the rating of a resolved or closed ticket: the desk in the ticket's region (a follow-up call)
    /// or the ticket's own customer. The technician who did the work may not rate it. Returns the ticket's new version.
    /// </summary>
    public Task<long> RateAsync(Actor actor, long ticketId, long version, int score, string? comment, CancellationToken ct = default)
    {
        actor.Require(TicketAccessRules.RatingRoles);
        // Read access is the customer's own ticket; the desk has Desk access in its regions only.
        return MutateAsync(actor, ticketId, version, TicketAccess.Read, (_, ticket, _, _) =>
        {
            ticket.Rate(score, comment, time.GetUtcNow().UtcDateTime);
            return Task.CompletedTask;
        }, ct);
    }
}
