using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>
/// Books a posted settlement's lines to the payee's ledger, and a reversed one's lines back out, in the save that posts
/// or reverses it. Entries go to the month they are booked in, or the first later month whose statement the payee does
/// not yet have confirmed.
/// </summary>
public sealed class LedgerWriter : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is SettlementPosted or SettlementReversed;

    public async Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var (settlement, kind) = domainEvent switch
        {
            SettlementPosted p => (p.Settlement, EarningsKind.Earning),
            SettlementReversed r => (r.Settlement, EarningsKind.Reversal),
            _ => throw new ArgumentException($"Not a ledger event: {domainEvent.GetType().Name}", nameof(domainEvent)),
        };
        var now = db.Pipeline.Clock.GetUtcNow().UtcDateTime;
        var payeeId = settlement.PayeeId!;
        var from = LedgerMonth.Of(now);
        var confirmed = await db.SaveCache.GetOrReadAsync((payeeId, from),
            () => db.Statements.Where(s => s.PayeeId == payeeId && s.Month >= from).Select(s => s.Month).ToListAsync(ct));
        db.Appended.Add(EarningsEntry.For(settlement, kind, LedgerMonth.ForPosting(now, confirmed), now));
    }
}
