using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Catalog;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Catalog;

/// <summary>The catalog pages' lists: filtered, sorted and paged in SQL.</summary>
internal static class CatalogListQuery
{
    public static async Task<Paged<ServiceItemRow>> ServicesAsync(ScrmDbContext db, CatalogQuery query, CancellationToken ct)
    {
        if (query.Search is { Length: > InputLimits.SearchMaxLength })
        {
            return new Paged<ServiceItemRow>([], 0); // longer than anything it could match
        }

        var items = db.ServiceItems.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // LIKE ignores ASCII case on both databases; codes are stored upper case.
            var pattern = Like.Contains(query.Search);
            items = items.Where(i => EF.Functions.Like(i.Code, pattern, Like.Escape) || EF.Functions.Like(i.Name, pattern, Like.Escape)
                || EF.Functions.Like(i.Category, pattern, Like.Escape));
        }

        if (query.Active is { } active)
        {
            items = items.Where(i => i.IsActive == active);
        }

        var total = await items.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (CatalogSort.Name, false) => items.OrderBy(i => i.Name),
            (CatalogSort.Name, true) => items.OrderByDescending(i => i.Name),
            (CatalogSort.Category, false) => items.OrderBy(i => i.Category),
            (CatalogSort.Category, true) => items.OrderByDescending(i => i.Category),
            (CatalogSort.Unit, false) => items.OrderBy(i => i.Unit),
            (CatalogSort.Unit, true) => items.OrderByDescending(i => i.Unit),
            (CatalogSort.IsActive, false) => items.OrderBy(i => i.IsActive),
            (CatalogSort.IsActive, true) => items.OrderByDescending(i => i.IsActive),
            (_, true) => items.OrderByDescending(i => i.Code),
            _ => items.OrderBy(i => i.Code),
        };
        var page = await Page(sorted.ThenBy(i => i.Code), query)
            .Select(i => new ServiceItemRow(i.Id, i.Code, i.Name, i.Category, i.Unit, i.IsActive, i.Version)).ToListAsync(ct);
        return new Paged<ServiceItemRow>(page, total);
    }

    public static async Task<Paged<SparePartRow>> PartsAsync(ScrmDbContext db, CatalogQuery query, CancellationToken ct)
    {
        if (query.Search is { Length: > InputLimits.SearchMaxLength })
        {
            return new Paged<SparePartRow>([], 0);
        }

        var parts = db.SpareParts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = Like.Contains(query.Search);
            parts = parts.Where(p => EF.Functions.Like(p.Code, pattern, Like.Escape) || EF.Functions.Like(p.Name, pattern, Like.Escape));
        }

        if (query.Active is { } active)
        {
            parts = parts.Where(p => p.IsActive == active);
        }

        if (query.LowOnly)
        {
            parts = Low(parts);
        }

        var total = await parts.CountAsync(ct);
        var sorted = (query.SortBy, query.Descending) switch
        {
            (CatalogSort.Name, false) => parts.OrderBy(p => p.Name),
            (CatalogSort.Name, true) => parts.OrderByDescending(p => p.Name),
            (CatalogSort.Unit, false) => parts.OrderBy(p => p.Unit),
            (CatalogSort.Unit, true) => parts.OrderByDescending(p => p.Unit),
            (CatalogSort.LowStockThreshold, false) => parts.OrderBy(p => p.LowStockThreshold),
            (CatalogSort.LowStockThreshold, true) => parts.OrderByDescending(p => p.LowStockThreshold),
            (CatalogSort.IsActive, false) => parts.OrderBy(p => p.IsActive),
            (CatalogSort.IsActive, true) => parts.OrderByDescending(p => p.IsActive),
            (_, true) => parts.OrderByDescending(p => p.Code),
            _ => parts.OrderBy(p => p.Code),
        };
        var page = await Page(sorted.ThenBy(p => p.Code), query).ToListAsync(ct);
        var warehouses = await db.Warehouses.AsNoTracking().ToDictionaryAsync(w => w.Id, w => w.Name, ct);
        var rows = page.Select(p => new SparePartRow(p.Id, p.Code, p.Name, p.Unit, p.LowStockThreshold, p.IsActive,
            p.Stock.OrderBy(s => s.WarehouseId)
                .Select(s => new StockRow(s.WarehouseId, warehouses.GetValueOrDefault(s.WarehouseId, $"#{s.WarehouseId}"), s.Quantity, s.Quantity <= p.LowStockThreshold))
                .ToList(),
            p.Version)).ToList();
        return new Paged<SparePartRow>(rows, total);
    }

    /// <summary>Active parts and the warehouses where they are at or below their threshold, lowest first.</summary>
    public static async Task<LowStockSummary> LowStockAsync(ScrmDbContext db, int take, CancellationToken ct)
    {
        var low = from p in db.SpareParts.AsNoTracking()
                  where p.IsActive
                  from s in p.Stock
                  where s.Quantity <= p.LowStockThreshold
                  join w in db.Warehouses on s.WarehouseId equals w.Id
                  select new { p.Id, p.Code, p.Name, p.Unit, Warehouse = w.Name, s.Quantity, p.LowStockThreshold };
        var total = await low.CountAsync(ct);
        var rows = await low.OrderBy(r => r.Quantity).ThenBy(r => r.Code).ThenBy(r => r.Warehouse).Take(take).ToListAsync(ct);
        return new LowStockSummary(rows.Select(r => new LowStockRow(r.Id, r.Code, r.Name, r.Unit, r.Warehouse, r.Quantity, r.LowStockThreshold)).ToList(), total);
    }

    /// <summary>Parts at or below their threshold in some warehouse that stocks them; deactivated parts are not watched.</summary>
    public static IQueryable<SparePart> Low(IQueryable<SparePart> parts) =>
        parts.Where(p => p.IsActive && p.Stock.Any(s => s.Quantity <= p.LowStockThreshold));

    private static IQueryable<T> Page<T>(IQueryable<T> sorted, CatalogQuery query)
    {
        var size = Math.Clamp(query.PageSize, 1, CatalogQuery.MaxPageSize);
        return sorted.Skip(Math.Max(query.Page, 0) * size).Take(size);
    }
}
