using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>
/// One line of a part's stock history, written in the same save as the <see cref="StockChanged"/> it records: who moved
/// how much, where, why, and what was left. Append-only: stock is corrected by a new movement, never by editing one.
/// </summary>
public sealed class StockMovement
{
    public const int ActorNameMaxLength = 100;

    private StockMovement() { }

    public StockMovement(StockChanged change, Actor actor, DateTime at)
    {
        // Through the reference, not the id: a part created in the same save has its id only once saved.
        Part = change.Part;
        WarehouseId = change.WarehouseId;
        Change = change.Change;
        QuantityAfter = change.QuantityAfter;
        Kind = change.Kind;
        Reason = change.Reason;
        ActorId = actor.UserId;
        ActorName = Guard.Clip(actor.DisplayName, ActorNameMaxLength);
        At = at;
    }

    public long Id { get; private set; }
    public long SparePartId { get; private set; }
    public SparePart? Part { get; private set; }
    public long WarehouseId { get; private set; }
    public decimal Change { get; private set; }
    public decimal QuantityAfter { get; private set; }
    public StockChangeKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime At { get; private set; }
}
