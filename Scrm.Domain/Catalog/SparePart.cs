using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>
/// 备件: a part technicians fit (铜管, 冷媒 R32, 电容…) with its stock in each warehouse. Stock only moves through
/// <see cref="AddStock"/>, <see cref="TakeStock"/> and <see cref="CountStock"/>, each raising <see cref="StockChanged"/>
/// with its reason; every change bumps the part's version, so two saves from the same version cannot both land.
/// </summary>
public sealed class SparePart : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int UnitMaxLength = 10;
    public const int ReasonMaxLength = 200;

    private readonly List<PartStock> _stock = [];

    private SparePart() { }

    public SparePart(string? code, string? name, string? unit, decimal lowStockThreshold)
    {
        Code = CatalogCode.Normalize(code);
        SetDetails(name, unit, lowStockThreshold);
        IsActive = true;
        Raise(new SparePartChanged(this));
    }

    public long Id { get; private set; }

    /// <summary>Unique, upper case; never changes (see <see cref="CatalogCode"/>).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>What a quantity counts: 个, 米, 千克.</summary>
    public string Unit { get; private set; } = "";

    /// <summary>A warehouse holding this much or less is low on the part (the workbench alerts).</summary>
    public decimal LowStockThreshold { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>The quantity in each warehouse that has ever held the part; may be negative (decision 0014).</summary>
    public IReadOnlyCollection<PartStock> Stock => _stock;

    /// <summary>The quantity in a warehouse; 0 where the part was never stocked.</summary>
    public decimal StockIn(long warehouseId) => _stock.FirstOrDefault(s => s.WarehouseId == warehouseId)?.Quantity ?? 0;

    /// <summary>Whether a warehouse that stocks the part holds no more than the threshold.</summary>
    public bool IsLowIn(long warehouseId) => _stock.Any(s => s.WarehouseId == warehouseId && s.Quantity <= LowStockThreshold);

    /// <summary>Changes name, unit and threshold; returns whether anything changed.</summary>
    public bool Update(string? name, string? unit, decimal lowStockThreshold)
    {
        var before = (Name, Unit, LowStockThreshold);
        SetDetails(name, unit, lowStockThreshold);
        if (before == (Name, Unit, LowStockThreshold))
        {
            return false;
        }

        Raise(new SparePartChanged(this));
        return true;
    }

    /// <summary>Sets the active flag; returns whether it changed.</summary>
    public bool SetActive(bool active)
    {
        if (IsActive == active)
        {
            return false;
        }

        IsActive = active;
        Raise(new SparePartChanged(this));
        return true;
    }

    /// <summary>Goods received into <paramref name="warehouse"/>. Returns the new quantity there.</summary>
    public decimal AddStock(Warehouse warehouse, decimal quantity, string? reason) =>
        Move(warehouse, Quantity.Check(quantity, "Quantity", allowZero: false), StockChangeKind.Added, reason);

    /// <summary>
    /// Parts fitted or handed out from <paramref name="warehouse"/>. Never refused for want of stock: the part has already
    /// gone into a customer's machine, so the record follows the fact and the stock may go below zero, which shows as low
    /// stock until someone counts or restocks (decision 0014). Returns the new quantity there.
    /// </summary>
    public decimal TakeStock(Warehouse warehouse, decimal quantity, string? reason) =>
        Move(warehouse, -Quantity.Check(quantity, "Quantity", allowZero: false), StockChangeKind.Taken, reason);

    /// <summary>A stocktake (盘点): sets the quantity in <paramref name="warehouse"/> to what was counted. Returns the change.</summary>
    public decimal CountStock(Warehouse warehouse, decimal counted, string? reason)
    {
        var change = Quantity.Check(counted, "Quantity", allowZero: true) - StockIn(warehouse.Id);
        if (change == 0)
        {
            throw new DomainException("StockUnchanged", "The counted quantity is what the warehouse already holds; nothing to adjust.") { Field = "Quantity" };
        }

        Move(warehouse, change, StockChangeKind.Counted, reason);
        return change;
    }

    private decimal Move(Warehouse warehouse, decimal change, StockChangeKind kind, string? reason)
    {
        var why = Guard.RequiredText(reason, "Reason", ReasonMaxLength);
        var row = _stock.FirstOrDefault(s => s.WarehouseId == warehouse.Id);
        if (row is null)
        {
            row = new PartStock(warehouse.Id);
            _stock.Add(row);
        }

        row.Quantity += change;
        Raise(new StockChanged(this, warehouse.Id, change, row.Quantity, kind, why));
        return row.Quantity;
    }

    // Every value is checked before any is set: a refused edit leaves the part as it was.
    private void SetDetails(string? name, string? unit, decimal lowStockThreshold) =>
        (Name, Unit, LowStockThreshold) = (Guard.RequiredText(name, "Name", NameMaxLength), Guard.RequiredText(unit, "Unit", UnitMaxLength),
            Quantity.Check(lowStockThreshold, "LowStockThreshold", allowZero: true));
}

/// <summary>How much of a part one warehouse holds: a part of the <see cref="SparePart"/> aggregate.</summary>
public sealed class PartStock
{
    private PartStock() { }

    internal PartStock(long warehouseId) => WarehouseId = warehouseId;

    public long SparePartId { get; private set; }
    public long WarehouseId { get; private set; }
    public decimal Quantity { get; internal set; }
}

public enum StockChangeKind
{
    /// <summary>Received into the warehouse.</summary>
    Added,

    /// <summary>Fitted on a job or handed out.</summary>
    Taken,

    /// <summary>Set to a stocktake's count.</summary>
    Counted,
}

/// <summary>A spare part was added, edited, deactivated or reactivated.</summary>
public sealed record SparePartChanged(SparePart Part) : IDomainEvent;

/// <summary>Stock of a part moved in one warehouse: by <paramref name="Change"/> (negative when taken), to <paramref name="QuantityAfter"/>.</summary>
public sealed record StockChanged(SparePart Part, long WarehouseId, decimal Change, decimal QuantityAfter, StockChangeKind Kind, string Reason) : IDomainEvent;
