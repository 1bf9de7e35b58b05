using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>A part recorded as used leaves its warehouse's stock in the same save; a line taken back returns it.</summary>
public sealed class WorkStock : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent switch
    {
        WorkRecorded r => r.Line.Kind == PricedItemKind.Part,
        WorkRemoved r => r.Line.Kind == PricedItemKind.Part,
        _ => false,
    };

    public async Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var (line, used) = domainEvent switch
        {
            WorkRecorded r => (r.Line, true),
            WorkRemoved r => (r.Line, false),
            _ => throw new ArgumentException($"Not a work event: {domainEvent.GetType().Name}", nameof(domainEvent)),
        };
        var part = await db.SpareParts.SingleAsync(p => p.Id == line.ItemId, ct);
        var warehouse = await db.Warehouses.SingleAsync(w => w.Id == line.WarehouseId, ct);
        // The ticket number is the reason: the movement's kind (taken, added) already says which way, in the reader's language.
        var number = await db.Tickets.Where(t => t.Id == line.TicketId).Select(t => t.Number).SingleAsync(ct);
        if (used)
        {
            part.TakeStock(warehouse, line.Quantity, number);
        }
        else
        {
            part.AddStock(warehouse, line.Quantity, number);
        }
    }
}
