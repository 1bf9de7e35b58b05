using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks.Settlements;

/// <summary>The demo company with a price book for every item, tier and partner type, and a technician in 杭州 (B, 自营).</summary>
internal sealed record SettlementWorld(Actor Agent, Actor Technician, TicketForm Form, long ServiceA, long ServiceB, long Part, long Warehouse, long Unpriced)
{
    public static async Task<SettlementWorld> PrepareAsync(IServiceProvider provider, IDbContextFactory<ScrmDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        await DemoCompanySeeder.SeedAsync(db, TimeProvider.System, ticketCount: 20);
        await PublishPricesAsync(db);
        Actor ActorOf(Scrm.Domain.Users.UserProfile u) => new(u.Id, u.DisplayName, u.Role, ActorChannel.Web);
        var agent = ActorOf(await db.UserProfiles.SingleAsync(u => u.UserName == "agent"));
        var technician = ActorOf(await db.UserProfiles.SingleAsync(u => u.UserName == "tech2"));
        var repair = await db.TicketTemplates.SingleAsync(t => t.Name == "维修工单");
        var hangzhou = await db.Regions.SingleAsync(r => r.Name == "杭州");
        var unpriced = new Scrm.Domain.Catalog.ServiceItem("BENCH-NEW", "新服务（尚未定价）", "冰箱", "次");
        db.Add(unpriced);
        await db.SaveChangesAsync();
        var form = new TicketForm
        {
            TemplateId = repair.Id,
            Title = "冰箱不制冷",
            RegionId = hangzhou.Id,
            AssigneeId = technician.UserId,
            Fields = new(StringComparer.Ordinal) { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
        };
        return new SettlementWorld(agent, technician, form,
            await db.ServiceItems.Where(i => i.Code == "FR-REPAIR").Select(i => i.Id).SingleAsync(),
            await db.ServiceItems.Where(i => i.Code == "FR-GAS").Select(i => i.Id).SingleAsync(),
            await db.SpareParts.Where(p => p.Code == "GAS-R32").Select(p => p.Id).SingleAsync(),
            await db.Warehouses.Where(w => w.Name == "杭州仓").Select(w => w.Id).SingleAsync(),
            unpriced.Id);
    }

    /// <summary>Repair tickets in progress, through the app's services; with two services and a part recorded, or none.</summary>
    public async Task<List<long>> StartedAsync(IServiceProvider provider, int count, bool withWork)
    {
        var ids = new List<long>(count);
        for (var i = 0; i < count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
            var (id, _) = await tickets.CreateAsync(Agent, Form);
            var view = (await tickets.GetAsync(Agent, id))!;
            var version = view.Version;
            foreach (var next in TicketStatusRules.Path(view.Status, TicketStatus.InProgress))
            {
                version = await tickets.ChangeStatusAsync(Agent, id, version, next);
            }

            if (withWork)
            {
                var work = scope.ServiceProvider.GetRequiredService<WorkService>();
                await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = ServiceA, Quantity = 1 });
                await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = ServiceB, Quantity = 1 });
                await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Part, ItemId = Part, Quantity = 0.5m, WarehouseId = Warehouse });
            }

            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Tickets completed with the work of <see cref="StartedAsync"/> and a service no price book has yet: held.</summary>
    public async Task<List<long>> HeldAsync(IServiceProvider provider, IDbContextFactory<ScrmDbContext> factory, int count)
    {
        var ids = await StartedAsync(provider, count, withWork: true);
        await using (var scope = provider.CreateAsyncScope())
        {
            var work = scope.ServiceProvider.GetRequiredService<WorkService>();
            foreach (var id in ids)
            {
                await work.RecordAsync(Technician, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = Unpriced, Quantity = 1 });
            }
        }

        await SettlementRun.ThroughputAsync(factory, this, ids, SettlementRun.Batch, TicketStatus.Resolved);
        return ids;
    }

    /// <summary>Publishes tomorrow's version with the new service's price, which fills today's gap (decision 0015).</summary>
    public async Task PublishGapPriceAsync(IDbContextFactory<ScrmDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync();
        var published = await db.PriceBookVersions.Where(v => v.State == PriceBookState.Published).Select(v => v.EffectiveFrom).ToListAsync();
        var number = await db.PriceBookVersions.MaxAsync(v => v.Number) + 1;
        var version = PriceBookVersion.Draft(number, ChinaTime.Today(TimeProvider.System).AddDays(1), null, admin, TimeProvider.System);
        foreach (var partnerType in await db.PartnerTypes.Select(t => t.Id).ToListAsync())
        {
            version.SetPrice(new PriceKey(PricedItemKind.Service, Unpriced, "B", partnerType), 66.60m, 99m);
        }

        version.Approve(finance, published, TimeProvider.System);
        db.Add(version);
        await db.SaveChangesAsync();
    }

    private static async Task PublishPricesAsync(ScrmDbContext db)
    {
        if (await db.PriceBookVersions.AnyAsync(v => v.State == PriceBookState.Published))
        {
            return;
        }

        var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
        var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync();
        var version = PriceBookVersion.Draft(1, ChinaTime.Today(TimeProvider.System), null, admin, TimeProvider.System);
        var partnerTypes = await db.PartnerTypes.Select(t => t.Id).ToListAsync();
        var keys = (await db.ServiceItems.Select(i => i.Id).ToListAsync()).Select(id => (PricedItemKind.Service, id))
            .Concat((await db.SpareParts.Select(p => p.Id).ToListAsync()).Select(id => (PricedItemKind.Part, id)));
        foreach (var (kind, itemId) in keys)
        {
            foreach (var tier in new[] { "A", "B", "C" })
            {
                foreach (var partnerType in partnerTypes)
                {
                    version.SetPrice(new PriceKey(kind, itemId, tier, partnerType), 88.50m, 120m);
                }
            }
        }

        version.Approve(finance, [], TimeProvider.System);
        db.Add(version);
        await db.SaveChangesAsync();
    }
}
