namespace Scrm.Web.Features.Catalog;

/// <summary>What a catalog page asks for: search, filters, sort and page. All optional.</summary>
public sealed record CatalogQuery
{
    public const int MaxPageSize = 100;

    /// <summary>Part of a code, name or (service items) category, in any case.</summary>
    public string? Search { get; init; }

    /// <summary>True: active only; false: deactivated only; null: both.</summary>
    public bool? Active { get; init; }

    /// <summary>Spare parts only: those at or below their threshold in some warehouse (active parts).</summary>
    public bool LowOnly { get; init; }

    public CatalogSort SortBy { get; init; } = CatalogSort.Code;
    public bool Descending { get; init; }
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}

/// <summary>The sortable columns; the grid's column names parse into it.</summary>
public enum CatalogSort
{
    Code,
    Name,
    Category,
    Unit,
    LowStockThreshold,
    IsActive,
}

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total);

public sealed record ServiceItemRow(long Id, string Code, string Name, string Category, string Unit, bool IsActive, long Version);

/// <summary>A part with its stock in every warehouse that holds it.</summary>
public sealed record SparePartRow(long Id, string Code, string Name, string Unit, decimal LowStockThreshold, bool IsActive,
    IReadOnlyList<StockRow> Stock, long Version)
{
    /// <summary>An active part at or below its threshold somewhere: the row is marked and the workbench alerts.</summary>
    public bool IsLow => IsActive && Stock.Any(s => s.IsLow);

    public decimal StockIn(long warehouseId) => Stock.FirstOrDefault(s => s.WarehouseId == warehouseId)?.Quantity ?? 0;
}

public sealed record StockRow(long WarehouseId, string Warehouse, decimal Quantity, bool IsLow);

public sealed record WarehouseOption(long Id, string Name);

/// <summary>One part low in one warehouse, for the workbench's alert.</summary>
public sealed record LowStockRow(long PartId, string Code, string Name, string Unit, string Warehouse, decimal Quantity, decimal Threshold);

public sealed record LowStockSummary(IReadOnlyList<LowStockRow> Rows, int Total);

/// <summary>The add / edit form of a service item; <see cref="Version"/> is what the edit was made on.</summary>
public sealed class ServiceItemForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Category { get; set; }
    public string? Unit { get; set; }
    public long Version { get; set; }

    public static ServiceItemForm Edit(ServiceItemRow row) =>
        new() { Code = row.Code, Name = row.Name, Category = row.Category, Unit = row.Unit, Version = row.Version };
}

/// <summary>The add / edit form of a spare part; stock is changed apart, with a reason.</summary>
public sealed class SparePartForm
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public decimal? LowStockThreshold { get; set; }
    public long Version { get; set; }

    public static SparePartForm Edit(SparePartRow row) =>
        new() { Code = row.Code, Name = row.Name, Unit = row.Unit, LowStockThreshold = row.LowStockThreshold, Version = row.Version };
}

/// <summary>A stocktake of one part in one warehouse, made on the part's <see cref="Version"/>.</summary>
public sealed class StockCountForm
{
    public long? WarehouseId { get; set; }
    public decimal? Counted { get; set; }
    public string? Reason { get; set; }
    public long Version { get; set; }
}

/// <summary>One line of a part's stock history.</summary>
public sealed record StockMovementRow(DateTime At, string Warehouse, decimal Change, decimal QuantityAfter, string Kind, string Reason, string ActorName);
