using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Catalog;

namespace Scrm.Web.Features.Catalog;

/// <summary>Writes each stock change's history line in the save that makes the change: no movement without its record.</summary>
public sealed class StockMovementRecorder : InTransactionHandler<StockChanged>
{
    protected override Task HandleAsync(StockChanged domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        db.StockMovements.Add(new StockMovement(domainEvent, db.Actor, db.Pipeline.Clock.GetUtcNow().UtcDateTime));
        return Task.CompletedTask;
    }
}
