using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;

namespace Scrm.Domain.Settlements;

/// <summary>
/// 服务与备件: one service done or one part used on a ticket, recorded by the technician or the desk. Settlement prices
/// what is recorded when the ticket completes; a part's quantity is taken from (and, when removed, put back into) the
/// warehouse it came from, by the handlers of <see cref="WorkRecorded"/> and <see cref="WorkRemoved"/>.
/// </summary>
public sealed class WorkLine : AggregateRoot
{
    public const int NoteMaxLength = 200;

    private WorkLine() { }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public PricedItemKind Kind { get; private set; }
    public long ItemId { get; private set; }
    public decimal Quantity { get; private set; }

    /// <summary>Where a part came from; null for a service.</summary>
    public long? WarehouseId { get; private set; }

    public string? Note { get; private set; }
    public string RecordedById { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }
    public bool IsRemoved { get; private set; }
    public string? RemovedById { get; private set; }
    public DateTime? RemovedAt { get; private set; }

    public static WorkLine Record(long ticketId, PricedItemKind kind, long itemId, decimal quantity, long? warehouseId, string? note,
        string recordedById, TimeProvider time)
    {
        if (kind == PricedItemKind.Part && warehouseId is null)
        {
            throw new DomainException("WarehouseRequired", "Choose the warehouse the part came from.") { Field = nameof(WarehouseId) };
        }

        var line = new WorkLine
        {
            TicketId = ticketId,
            Kind = kind,
            ItemId = itemId,
            Quantity = Catalog.Quantity.Check(quantity, nameof(Quantity), allowZero: false),
            WarehouseId = kind == PricedItemKind.Part ? warehouseId : null,
            Note = Guard.OptionalText(note, nameof(Note), NoteMaxLength),
            RecordedById = recordedById,
            RecordedAt = time.GetUtcNow().UtcDateTime,
        };
        line.Raise(new WorkRecorded(line));
        return line;
    }

    /// <summary>Takes the line back (recorded by mistake); a part's quantity returns to its warehouse.</summary>
    public void Remove(string removedById, TimeProvider time)
    {
        if (IsRemoved)
        {
            throw new DomainException("WorkLineRemoved", "This line was already removed.");
        }

        IsRemoved = true;
        RemovedById = removedById;
        RemovedAt = time.GetUtcNow().UtcDateTime;
        Raise(new WorkRemoved(this));
    }
}

public sealed record WorkRecorded(WorkLine Line) : IDomainEvent;

public sealed record WorkRemoved(WorkLine Line) : IDomainEvent;
