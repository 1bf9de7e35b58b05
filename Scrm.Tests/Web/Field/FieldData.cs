using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Field;

/// <summary>What the field tests set up through the app's services: prices, a repair for 孙伟 (tech2, 杭州, 自营), its work.</summary>
internal static class FieldData
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Publishes today's prices: the repair earns ¥80.00 in a B-tier city for own staff.</summary>
    public static async Task PublishRepairPriceAsync(IServiceProvider services)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var own = await db.PartnerTypes.Where(t => t.Name == "自营").Select(t => t.Id).SingleAsync(Ct);
        var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync(Ct);
        var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync(Ct);
        var number = await db.Set<PriceBookVersion>().MaxAsync(v => (int?)v.Number, Ct) ?? 0;
        var version = PriceBookVersion.Draft(number + 1, ChinaTime.Today(clock), null, admin, clock);
        version.SetPrice(new PriceKey(PricedItemKind.Service, await ItemIdAsync(services, "AC-REPAIR"), "B", own), 80.00m, 150.00m);
        version.Approve(finance, [], clock);
        db.Add(version);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A repair in 杭州 assigned to <paramref name="technician"/> and started by them.</summary>
    public static async Task<long> StartedRepairAsync(IServiceProvider services, string technician = "tech2", string title = "冰箱不制冷")
    {
        await using var scope = services.CreateAsyncScope();
        var form = await Tickets.DemoTicketForms.RepairAsync(scope);
        var tech = await TestApp.ActorAsync(services, technician);
        await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            form.RegionId = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
        }

        (form.AssigneeId, form.Title) = (tech.UserId, title);
        var tickets = services.GetRequiredService<TicketService>();
        var (id, _) = await tickets.CreateAsync(await TestApp.ActorAsync(services, "agent"), form, Ct);
        await tickets.ChangeStatusAsync(tech, id, (await tickets.GetAsync(tech, id, Ct))!.Version, TicketStatus.InProgress, Ct);
        return id;
    }

    public static async Task RecordRepairAsync(IServiceProvider services, long ticketId, string userName = "tech2") =>
        await services.GetRequiredService<WorkService>().RecordAsync(await TestApp.ActorAsync(services, userName), ticketId,
            new WorkForm { Kind = PricedItemKind.Service, ItemId = await ItemIdAsync(services, "AC-REPAIR"), Quantity = 1 }, Ct);

    /// <summary>The desk moves the ticket to <paramref name="status"/> (resolving settles a repair: it has no workflow).</summary>
    public static async Task MoveAsync(IServiceProvider services, long ticketId, TicketStatus status, string userName = "supervisor")
    {
        var actor = await TestApp.ActorAsync(services, userName);
        var tickets = services.GetRequiredService<TicketService>();
        await tickets.ChangeStatusAsync(actor, ticketId, (await tickets.GetAsync(actor, ticketId, Ct))!.Version, status, Ct);
    }

    public static async Task<long> ItemIdAsync(IServiceProvider services, string code)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.ServiceItems.Where(i => i.Code == code).Select(i => (long?)i.Id).SingleOrDefaultAsync(Ct)
            ?? await db.SpareParts.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct);
    }
}
