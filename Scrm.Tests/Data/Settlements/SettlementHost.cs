using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web;
using Scrm.Tests.Web.Outbox;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;

namespace Scrm.Tests.Data.Settlements;

/// <summary>
/// The demo company on a real SQLite file, with what settlement tests do: publish prices, open a repair ticket (the demo's
/// 维修工单 has no workflow: resolving it completes it) in a city, record work on it, move its status.
/// </summary>
internal sealed class SettlementHost(OutboxHost host, FakeTimeProvider clock) : IAsyncDisposable
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public OutboxHost Host => host;
    public FakeTimeProvider Clock => clock;
    public WorkService Work => host.Services.GetRequiredService<WorkService>();

    /// <param name="start">The clock's start, when a test needs completions before the seeding day (the demo is seeded at <see cref="TestApp.Now"/>).</param>
    public static async Task<SettlementHost> StartAsync(DateTimeOffset? start = null)
    {
        var clock = new FakeTimeProvider(start ?? TestApp.Now);
        var file = await OutboxHost.NewDatabaseAsync();
        return new SettlementHost(await OutboxHost.StartAsync(file, clock), clock) { File = file };
    }

    /// <summary>
    /// Works on a database that is not the host's own (a running app's), with its own clock: settlements it makes are
    /// the app's; disposing it leaves the file.
    /// </summary>
    public static async Task<SettlementHost> AttachAsync(string file, FakeTimeProvider clock) => new(await OutboxHost.StartAsync(file, clock), clock);

    /// <summary>The database file the host made, deleted with it; empty when attached to another's.</summary>
    public string File { get; private init; } = "";

    public Task<Actor> ActorAsync(string userName) => host.ActorAsync(userName);

    public Task<T> QueryAsync<T>(Func<Scrm.Data.ScrmDbContext, Task<T>> query) => host.QueryAsync(query);

    public Task<long> ItemIdAsync(string code) => QueryAsync(async db =>
        await db.ServiceItems.Where(i => i.Code == code).Select(i => (long?)i.Id).SingleOrDefaultAsync(Ct)
        ?? await db.SpareParts.Where(p => p.Code == code).Select(p => p.Id).SingleAsync(Ct));

    /// <summary>Publishes a price book version effective today (China date) holding exactly these prices.</summary>
    public Task PublishAsync(params (PricedItemKind Kind, string Code, string Tier, string PartnerType, decimal Settle, decimal Customer)[] prices) =>
        QueryAsync(async db =>
        {
            var number = await db.Set<PriceBookVersion>().MaxAsync(v => (int?)v.Number, Ct) ?? 0;
            var published = await db.Set<PriceBookVersion>().Where(v => v.State == PriceBookState.Published).Select(v => v.EffectiveFrom).ToListAsync(Ct);
            var admin = await db.UserProfiles.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync(Ct);
            var finance = await db.UserProfiles.Where(u => u.UserName == "finance").Select(u => u.Id).SingleAsync(Ct);
            var version = PriceBookVersion.Draft(number + 1, ChinaTime.Today(clock), null, admin, clock);
            foreach (var p in prices)
            {
                var partnerType = await db.PartnerTypes.Where(t => t.Name == p.PartnerType).Select(t => t.Id).SingleAsync(Ct);
                version.SetPrice(new PriceKey(p.Kind, await ItemIdAsync(p.Code), p.Tier, partnerType), p.Settle, p.Customer);
            }

            version.Approve(finance, published, clock);
            db.Add(version);
            await db.SaveChangesAsync(Ct);
            return version.Id;
        });

    /// <summary>A repair ticket in <paramref name="city"/> assigned to <paramref name="technician"/>, started (进行中).</summary>
    public async Task<long> StartedRepairAsync(string city, string technician)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var form = await Scrm.Tests.Web.Tickets.DemoTicketForms.RepairAsync(scope);
        form.RegionId = await QueryAsync(db => db.Regions.Where(r => r.Name == city).Select(r => (long?)r.Id).SingleAsync(Ct));
        form.AssigneeId = await QueryAsync(db => db.UserProfiles.Where(u => u.UserName == technician).Select(u => u.Id).SingleAsync(Ct));
        var (id, _) = await host.Tickets.CreateAsync(await ActorAsync("agent"), form, Ct);
        await MoveAsync(id, TicketStatus.InProgress);
        return id;
    }

    public async Task RecordAsync(long ticketId, string technician, PricedItemKind kind, string code, decimal quantity, string? warehouse = null)
    {
        var warehouseId = warehouse is null ? null : await QueryAsync(db => db.Warehouses.Where(w => w.Name == warehouse).Select(w => (long?)w.Id).SingleAsync(Ct));
        await Work.RecordAsync(await ActorAsync(technician), ticketId,
            new WorkForm { Kind = kind, ItemId = await ItemIdAsync(code), Quantity = quantity, WarehouseId = warehouseId }, Ct);
    }

    /// <summary>The agent moves the ticket on by the status path (assigned → in progress → resolved…).</summary>
    public async Task MoveAsync(long ticketId, TicketStatus to)
    {
        var agent = await ActorAsync("agent");
        var status = await QueryAsync(db => db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync(Ct));
        foreach (var next in TicketStatusRules.Path(status, to))
        {
            await host.Tickets.ChangeStatusAsync(agent, ticketId, (await host.Tickets.GetAsync(agent, ticketId, Ct))!.Version, next, Ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        if (File.Length > 0)
        {
            OutboxHost.Delete(File);
        }
    }
}
