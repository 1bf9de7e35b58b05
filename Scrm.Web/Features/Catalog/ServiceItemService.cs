using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Catalog;

/// <summary>服务项目库 upkeep, for admins: add, edit and deactivate. Each change to an item names the version it was made on.</summary>
public sealed class ServiceItemService(UnitOfWork work)
{
    public Task<Paged<ServiceItemRow>> ListAsync(Actor actor, CatalogQuery query, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync((db, token) => CatalogListQuery.ServicesAsync(db, query, token), ct);
    }

    /// <summary>The categories in use, for the dialog's suggestions.</summary>
    public Task<IReadOnlyList<string>> CategoriesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<string>>(async (db, token) =>
            await db.ServiceItems.AsNoTracking().Select(i => i.Category).Distinct().OrderBy(c => c).ToListAsync(token), ct);
    }

    public Task<long> CreateAsync(Actor actor, ServiceItemForm form, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var item = new ServiceItem(form.Code, form.Name, form.Category, form.Unit);
            if (await db.ServiceItems.AnyAsync(i => i.Code == item.Code, token))
            {
                throw CatalogErrors.CodeTaken(item.Code);
            }

            db.ServiceItems.Add(item);
            // Another admin or an import may have taken the code a moment ago: the unique index says so the same way.
            await db.SaveChangesOrConflictAsync(token, () => CatalogErrors.CodeTaken(item.Code));
            return item.Id;
        }, ct);
    }

    /// <summary>Name, category and unit; the code never changes.</summary>
    public Task<long> EditAsync(Actor actor, long id, ServiceItemForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, form.Version, item => item.Update(form.Name, form.Category, form.Unit), ct);

    /// <summary>Deactivated items are offered nowhere but keep their history; reactivating offers them again.</summary>
    public Task<long> SetActiveAsync(Actor actor, long id, long version, bool active, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, item => item.SetActive(active), ct);

    private Task<long> MutateAsync(Actor actor, long id, long version, Action<ServiceItem> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var item = await db.ServiceItems.SingleOrDefaultAsync(i => i.Id == id, token) ?? throw CatalogErrors.NotFound();
            if (item.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            change(item);
            await db.SaveChangesOrConflictAsync(token);
            return item.Version;
        }, ct);
    }
}

/// <summary>Refusals the catalog services share.</summary>
internal static class CatalogErrors
{
    public static DomainException CodeTaken(string code) =>
        new("CatalogCodeTaken", $"The code {code} is already in use; pick another or edit that item.", code) { Field = "Code" };

    public static DomainException NotFound() => new("CatalogItemNotFound", "The item no longer exists. Reload the list.");

    public static DomainException WarehouseNotFound() =>
        new("WarehouseNotFound", "Choose a warehouse from the list.") { Field = "WarehouseId" };
}
