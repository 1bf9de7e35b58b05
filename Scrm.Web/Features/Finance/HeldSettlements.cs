using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>Prices held settlements again, exactly as at completion: each posts when what it waited for exists, or stays held with its reasons.</summary>
public static class HeldSettlements
{
    public static Task RetryAsync(ScrmDbContext db, Settlement settlement, DateTime now, CancellationToken ct) =>
        RetryAsync(db, [settlement], now, ct);

    /// <summary>Many at once (those a newly published version covers): their tickets, work and prices are read together.</summary>
    public static async Task RetryAsync(ScrmDbContext db, IReadOnlyCollection<Settlement> settlements, DateTime now, CancellationToken ct)
    {
        var ticketIds = settlements.Select(s => s.TicketId).Distinct().ToArray();
        var tickets = await db.Tickets.Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        await SettlementPricer.PrepareAsync(db, settlements.Select(s => new ToPrice(tickets[s.TicketId], s.PayeeId, s.CompletedAt)).ToList(), ct);
        foreach (var settlement in settlements)
        {
            await SettlementPricer.PriceAsync(db, settlement, tickets[settlement.TicketId], now, ct);
        }
    }
}
