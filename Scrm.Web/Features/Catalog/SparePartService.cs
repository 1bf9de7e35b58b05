using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Catalog;

/// <summary>
/// 备件库: admins keep the parts and count stock; the desk and technicians take stock as parts are used. Edits and
/// stocktakes name the version the admin saw; taking stock re-reads and retries instead, as it is a movement, not a value.
/// </summary>
public sealed class SparePartService(UnitOfWork work)
{
    /// <summary>How often a take is retried when others changed the part meanwhile: at least one contender lands each round.</summary>
    public const int MaxTakeAttempts = 30;

    private static readonly Role[] StockTakers = [Role.Admin, Role.Supervisor, Role.Agent, Role.Technician];

    public Task<Paged<SparePartRow>> ListAsync(Actor actor, CatalogQuery query, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync((db, token) => CatalogListQuery.PartsAsync(db, query, token), ct);
    }

    public Task<IReadOnlyList<WarehouseOption>> WarehousesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<WarehouseOption>>(async (db, token) =>
            await db.Warehouses.AsNoTracking().OrderBy(w => w.Id).Select(w => new WarehouseOption(w.Id, w.Name)).ToListAsync(token), ct);
    }

    /// <summary>The workbench's alert: for admins and supervisors, who restock.</summary>
    public Task<LowStockSummary> LowStockAsync(Actor actor, int take = 8, CancellationToken ct = default)
    {
        actor.Require(Role.Admin, Role.Supervisor);
        return work.ReadAsync((db, token) => CatalogListQuery.LowStockAsync(db, Math.Clamp(take, 1, CatalogQuery.MaxPageSize), token), ct);
    }

    /// <summary>The latest movements of a part, newest first.</summary>
    public Task<IReadOnlyList<StockMovementRow>> HistoryAsync(Actor actor, long partId, int take = 20, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<StockMovementRow>>(async (db, token) => await (
                from m in db.StockMovements.AsNoTracking()
                where m.SparePartId == partId
                join w in db.Warehouses on m.WarehouseId equals w.Id
                orderby m.At descending, m.Id descending
                select new StockMovementRow(m.At, w.Name, m.Change, m.QuantityAfter, m.Kind.ToString(), m.Reason, m.ActorName))
            .Take(Math.Clamp(take, 1, CatalogQuery.MaxPageSize)).ToListAsync(token), ct);
    }

    public Task<long> CreateAsync(Actor actor, SparePartForm form, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var part = new SparePart(form.Code, form.Name, form.Unit, ThresholdOf(form));
            if (await db.SpareParts.AnyAsync(p => p.Code == part.Code, token))
            {
                throw CatalogErrors.CodeTaken(part.Code);
            }

            db.SpareParts.Add(part);
            await db.SaveChangesOrConflictAsync(token, () => CatalogErrors.CodeTaken(part.Code));
            return part.Id;
        }, ct);
    }

    public Task<long> EditAsync(Actor actor, long id, SparePartForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, form.Version, (_, part, _) =>
        {
            part.Update(form.Name, form.Unit, ThresholdOf(form));
            return Task.CompletedTask;
        }, ct);

    public Task<long> SetActiveAsync(Actor actor, long id, long version, bool active, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, (_, part, _) =>
        {
            part.SetActive(active);
            return Task.CompletedTask;
        }, ct);

    /// <summary>A stocktake: the warehouse holds what was counted from now on. Refused when the part changed since the admin saw it.</summary>
    public Task<long> CountStockAsync(Actor actor, long partId, StockCountForm form, CancellationToken ct = default) =>
        MutateAsync(actor, partId, form.Version, async (db, part, token) =>
        {
            var warehouse = await FindWarehouseAsync(db, form.WarehouseId, token);
            var counted = form.Counted ?? throw new DomainException("Required", "Quantity is required.", "Quantity") { Field = "Quantity" };
            part.CountStock(warehouse, counted, form.Reason);
        }, ct);

    /// <summary>
    /// Takes <paramref name="quantity"/> of a part from a warehouse (parts used on a job); returns what is left there.
    /// Concurrent takes of the same part all land: a take that lost the race re-reads the part and tries again.
    /// </summary>
    public async Task<decimal> TakeStockAsync(Actor actor, long partId, long warehouseId, decimal quantity, string? reason, CancellationToken ct = default)
    {
        actor.Require(StockTakers);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await work.RunAsync(actor, async (db, token) =>
                {
                    var part = await db.SpareParts.SingleOrDefaultAsync(p => p.Id == partId, token) ?? throw CatalogErrors.NotFound();
                    var left = part.TakeStock(await FindWarehouseAsync(db, warehouseId, token), quantity, reason);
                    await db.SaveChangesAsync(token);
                    return left;
                }, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxTakeAttempts)
            {
                // Someone else moved this part's stock between our read and our write: read again and re-apply.
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException();
            }
        }
    }

    private static decimal ThresholdOf(SparePartForm form) => form.LowStockThreshold ?? 0;

    private static async Task<Warehouse> FindWarehouseAsync(ScrmDbContext db, long? id, CancellationToken ct) =>
        id is { } warehouseId && await db.Warehouses.SingleOrDefaultAsync(w => w.Id == warehouseId, ct) is { } warehouse
            ? warehouse
            : throw CatalogErrors.WarehouseNotFound();

    private Task<long> MutateAsync(Actor actor, long id, long version, Func<ScrmDbContext, SparePart, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var part = await db.SpareParts.SingleOrDefaultAsync(p => p.Id == id, token) ?? throw CatalogErrors.NotFound();
            if (part.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            await change(db, part, token);
            await db.SaveChangesOrConflictAsync(token);
            return part.Version;
        }, ct);
    }
}
