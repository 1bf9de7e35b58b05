using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Tickets;

/// <summary>
/// A Settle action marks the ticket 待结算 in the same transaction, so the page shows it at once and a rolled-back
/// transition leaves no mark; the settlement capability will take it from there.
/// </summary>
public sealed class AwaitSettlementHandler : InTransactionHandler<SettlementRequested>
{
    protected override Task HandleAsync(SettlementRequested domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        domainEvent.Ticket.AwaitSettlement();
        return Task.CompletedTask;
    }
}
