using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>Prices a held settlement again, exactly as at completion: it posts when what it waited for exists, or stays held with its reasons.</summary>
public static class HeldSettlements
{
    public static async Task RetryAsync(ScrmDbContext db, Settlement settlement, DateTime now, CancellationToken ct)
    {
        var ticket = await db.Tickets.SingleAsync(t => t.Id == settlement.TicketId, ct);
        await SettlementPricer.PriceAsync(db, settlement, ticket, now, ct);
    }
}
