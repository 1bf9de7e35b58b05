using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>仓库: a place that holds spare parts (杭州仓, 上海仓). Parts keep their quantity per warehouse.</summary>
public sealed class Warehouse : AggregateRoot
{
    public const int NameMaxLength = 30;

    private Warehouse() { }

    public Warehouse(string? name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new WarehouseChanged(this));
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";

    public void Rename(string? name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new WarehouseChanged(this));
    }
}

/// <summary>A warehouse was added or renamed.</summary>
public sealed record WarehouseChanged(Warehouse Warehouse) : IDomainEvent;
