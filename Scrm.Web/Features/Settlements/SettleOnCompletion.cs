using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Settlements;

/// <summary>
/// In the transaction of the completion itself: a Settle action (or, for a ticket without a workflow, resolving it) opens
/// and prices the completion's settlement; reopening or cancelling the ticket undoes the settlement that is in effect.
/// A completion while a settlement is in effect is the same completion seen twice, and settles nothing more; two saves
/// racing past that check meet the unique (ticket, round) index, and one of them fails whole.
/// </summary>
public sealed class SettleOnCompletion : IInTransactionHandler
{
    private static readonly TicketStatus[] Finished = [TicketStatus.Resolved, TicketStatus.Closed];

    public bool Handles(IDomainEvent domainEvent) => domainEvent switch
    {
        SettlementRequested => true,
        TicketStatusChanged { To: TicketStatus.Resolved, Ticket.WorkflowId: null } => true,
        TicketStatusChanged { To: TicketStatus.Cancelled } => true,
        TicketStatusChanged c => Finished.Contains(c.From) && !Finished.Contains(c.To),
        _ => false,
    };

    /// <summary>Reads for every ticket of the round at once what <see cref="HandleAsync"/> would read ticket by ticket.</summary>
    public async Task PrepareAsync(IReadOnlyList<IDomainEvent> events, ScrmDbContext db, CancellationToken ct)
    {
        var tickets = events.Select(TicketOf).Where(t => db.Entry(t).State != EntityState.Added).DistinctBy(t => t.Id).ToList();
        if (tickets.Count == 0)
        {
            return;
        }

        var ids = tickets.Select(t => t.Id).ToArray();
        var inEffect = (await db.Settlements
                .Where(s => ids.Contains(s.TicketId) && (s.State == SettlementState.Held || s.State == SettlementState.Posted))
                .ToListAsync(ct))
            .ToDictionary(s => s.TicketId);
        foreach (var id in ids)
        {
            db.SaveCache.Remember(new InEffectOf(id), inEffect.GetValueOrDefault(id));
        }

        var completed = events.Where(IsCompletion).Select(e => TicketOf(e).Id).ToHashSet();
        var completing = tickets.Where(t => completed.Contains(t.Id) && !inEffect.ContainsKey(t.Id)).ToList();
        if (completing.Count == 0)
        {
            return;
        }

        var completingIds = completing.Select(t => t.Id).ToArray();
        var lastRounds = await db.Settlements.Where(s => completingIds.Contains(s.TicketId))
            .GroupBy(s => s.TicketId)
            .Select(g => new { TicketId = g.Key, Round = g.Max(s => s.Round) })
            .ToDictionaryAsync(r => r.TicketId, r => r.Round, ct);
        foreach (var id in completingIds)
        {
            db.SaveCache.Remember(new LastRoundOf(id), lastRounds.GetValueOrDefault(id));
        }

        // Completed at the moment of the transition that completed it, as SettleAsync opens it.
        await SettlementPricer.PrepareAsync(db, completing.Select(t => new ToPrice(t, null, t.UpdatedAt)).ToList(), ct);
    }

    public async Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var now = db.Pipeline.Clock.GetUtcNow().UtcDateTime;
        switch (domainEvent)
        {
            case SettlementRequested requested:
                requested.Ticket.AwaitSettlement();
                await SettleAsync(db, requested.Ticket, now, ct);
                break;
            case TicketStatusChanged { To: TicketStatus.Resolved } resolved:
                await SettleAsync(db, resolved.Ticket, now, ct);
                break;
            case TicketStatusChanged changed:
                var kind = changed.To == TicketStatus.Cancelled ? ReversalKind.Cancelled : ReversalKind.Reopened;
                if (await InEffectAsync(db, changed.Ticket.Id, ct) is { } settlement)
                {
                    settlement.Reverse(kind, null, db.Actor.UserId, now);
                }

                break;
        }
    }

    private static async Task SettleAsync(ScrmDbContext db, Ticket ticket, DateTime now, CancellationToken ct)
    {
        // A ticket created and completed in one save is history being imported: no work can have been recorded on it
        // (work needs the ticket's id), so there is nothing to settle.
        if (db.Entry(ticket).State == EntityState.Added || await InEffectAsync(db, ticket.Id, ct) is not null)
        {
            return;
        }

        // Completed when the transition that completed it happened (its time, not the save's: a job may save later).
        var lastRound = await db.SaveCache.GetOrReadAsync(new LastRoundOf(ticket.Id),
            async () => await db.Settlements.Where(s => s.TicketId == ticket.Id).MaxAsync(s => (int?)s.Round, ct) ?? 0);
        var settlement = Settlement.Open(ticket.Id, lastRound + 1, ticket.UpdatedAt);
        db.Settlements.Add(settlement);
        await SettlementPricer.PriceAsync(db, settlement, ticket, now, ct);
    }

    /// <summary>The ticket's settlement that is held or posted, including one opened earlier in this same save.</summary>
    private static async Task<Settlement?> InEffectAsync(ScrmDbContext db, long ticketId, CancellationToken ct)
    {
        var settlement = db.Tracked<Settlement>().FirstOrDefault(s => s.TicketId == ticketId && IsInEffect(s))
            ?? await db.SaveCache.GetOrReadAsync(new InEffectOf(ticketId),
                () => db.Settlements.FirstOrDefaultAsync(s => s.TicketId == ticketId && (s.State == SettlementState.Held || s.State == SettlementState.Posted), ct));
        return settlement is not null && IsInEffect(settlement) ? settlement : null;
    }

    private static bool IsInEffect(Settlement settlement) => settlement.State is SettlementState.Held or SettlementState.Posted;

    private static bool IsCompletion(IDomainEvent domainEvent) =>
        domainEvent is SettlementRequested or TicketStatusChanged { To: TicketStatus.Resolved };

    private static Ticket TicketOf(IDomainEvent domainEvent) => domainEvent switch
    {
        SettlementRequested requested => requested.Ticket,
        TicketStatusChanged changed => changed.Ticket,
        _ => throw new ArgumentException($"Not a settlement event: {domainEvent.GetType().Name}", nameof(domainEvent)),
    };

    private sealed record InEffectOf(long TicketId);

    private sealed record LastRoundOf(long TicketId);
}
