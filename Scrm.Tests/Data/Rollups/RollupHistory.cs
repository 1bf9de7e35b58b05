using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Rollups;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Tests.Data.Settlements;

namespace Scrm.Tests.Data.Rollups;

/// <summary>
/// A generated history made the way the app makes it: domain methods and the one save pipeline, in batched saves like a
/// busy desk — tickets created in every city, worked, resolved (settled), some reopened (reversed) and resolved again,
/// rated, cancelled, breached, moved to another city. Deterministic for a seed; the clock walks day by day, crossing
/// China midnight at random hours.
/// </summary>
internal static class RollupHistory
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public static async Task BuildAsync(SettlementHost host, int days, int perDay, int seed)
    {
        // The tests' demo snapshot is seeded without the dashboards' handlers: the rollups start from a rebuild of it.
        await host.QueryAsync(db => RollupRebuild.RunAsync(db, TimeProvider.System, Ct));
        var random = new Random(seed);
        var tiers = new[] { "A", "B", "C" };
        var partnerTypes = await host.QueryAsync(db => db.PartnerTypes.Select(t => t.Name).ToListAsync(Ct));
        await host.PublishAsync([.. from tier in tiers from type in partnerTypes
            from price in new[] { (PricedItemKind.Service, "FR-REPAIR", 80.5m, 120m), (PricedItemKind.Service, "AC-CLEAN", 45.55m, 99m), (PricedItemKind.Part, "GAS-R32", 12.35m, 30m) }
            select (price.Item1, price.Item2, tier, type, price.Item3, price.Item4)]);
        var (cities, technicians, warehouse, items) = await host.QueryAsync(async db => (
            await db.Regions.Where(r => r.ParentId != null).Select(r => r.Id).ToListAsync(Ct),
            await db.UserProfiles.Where(u => u.Role == Role.Technician && u.IsActive).Select(u => u.Id).ToListAsync(Ct),
            await db.Warehouses.Select(w => w.Id).FirstAsync(Ct),
            new[] { (PricedItemKind.Service, await host.ItemIdAsync("FR-REPAIR")), (PricedItemKind.Service, await host.ItemIdAsync("AC-CLEAN")), (PricedItemKind.Part, await host.ItemIdAsync("GAS-R32")) }));
        var factory = host.Host.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        var agent = await host.ActorAsync("agent");

        for (var day = 0; day < days; day++)
        {
            host.Clock.Advance(TimeSpan.FromHours(20 + random.Next(0, 8)));
            await using (var db = await factory.CreateDbContextAsync(Ct))
            {
                db.Actor = agent;
                var template = await db.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).SingleAsync(t => t.Name == "维修工单", Ct);
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                for (var i = 0; i < perDay; i++)
                {
                    var today = Scrm.Domain.Common.ChinaTime.Today(host.Clock);
                    var number = new TicketNumber(today, await TicketNumbers.NextAsync(db, TicketNumber.DayKey(today), Ct));
                    var assignee = random.Next(10) == 0 ? null : technicians[random.Next(technicians.Count)];
                    var region = random.Next(20) == 0 ? (long?)null : cities[random.Next(cities.Count)];
                    db.Tickets.Add(Ticket.Create(number, template, new TicketDetails($"生成工单 {day}-{i}", null, Urgency.Normal, null, region, assignee),
                        new Dictionary<string, string?> { ["fault_types"] = "不制冷", ["warranty"] = "延保", ["contact_phone"] = "13800138000" }, agent.UserId, host.Clock));
                }

                await db.SaveChangesAsync(Ct);
                await transaction.CommitAsync(Ct);
            }

            host.Clock.Advance(TimeSpan.FromHours(random.Next(1, 4)));
            await StepAsync(factory, agent, (db, ticket) =>
            {
                var roll = random.Next(100);
                switch (ticket.Status)
                {
                    case TicketStatus.New or TicketStatus.Assigned when roll < 70 && ticket.AssigneeId is not null:
                        ticket.ChangeStatus(TicketStatus.InProgress, host.Clock);
                        var (kind, itemId) = items[random.Next(items.Length)];
                        db.WorkLines.Add(WorkLine.Record(ticket.Id, kind, itemId, 1 + random.Next(3), kind == PricedItemKind.Part ? warehouse : null, null, agent.UserId, host.Clock));
                        break;
                    case TicketStatus.New or TicketStatus.Assigned when roll < 75:
                        ticket.ChangeStatus(TicketStatus.Cancelled, host.Clock);
                        break;
                    case TicketStatus.InProgress when roll < 60:
                        ticket.ChangeStatus(TicketStatus.Resolved, host.Clock);
                        break;
                    case TicketStatus.InProgress when roll < 65:
                        ticket.MarkSlaBreached(SlaTarget.Resolution, host.Clock.GetUtcNow().UtcDateTime);
                        break;
                    case TicketStatus.Resolved when roll < 10:
                        ticket.ChangeStatus(TicketStatus.InProgress, host.Clock); // reopened: the settlement is reversed
                        break;
                    case TicketStatus.Resolved when roll < 60:
                        ticket.Rate(1 + random.Next(5), null, host.Clock.GetUtcNow().UtcDateTime);
                        break;
                    case TicketStatus.Resolved when roll < 80:
                        ticket.ChangeStatus(TicketStatus.Closed, host.Clock);
                        break;
                    case TicketStatus.Closed when roll < 5 && ticket.Rating is null:
                        ticket.Rate(5, "师傅很专业", host.Clock.GetUtcNow().UtcDateTime);
                        break;
                    case TicketStatus.OnHold or TicketStatus.InProgress when roll < 68:
                        ticket.Edit(db.TicketTemplates.Local.Single(t => t.Id == ticket.TemplateId),
                            new TicketDetails(ticket.Title, null, ticket.Urgency, null, cities[random.Next(cities.Count)], ticket.AssigneeId),
                            ticket.FieldValueMap.ToDictionary(f => f.Key, f => (string?)f.Value), host.Clock);
                        break;
                }
            });
        }
    }

    /// <summary>One save that lets <paramref name="act"/> move on every ticket without a workflow not yet closed or cancelled.</summary>
    private static async Task StepAsync(IDbContextFactory<ScrmDbContext> factory, Scrm.Domain.Common.Actor agent, Action<ScrmDbContext, Ticket> act)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        db.Actor = agent;
        await db.TicketTemplates.Include(t => t.Fields).Include(t => t.Rules).LoadAsync(Ct);
        var tickets = await db.Tickets.Where(t => t.WorkflowId == null && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled).Include(t => t.Fields).OrderBy(t => t.Id).ToListAsync(Ct);
        foreach (var ticket in tickets)
        {
            act(db, ticket);
        }

        await db.SaveChangesAsync(Ct);
    }
}
