using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Pricing;
using Scrm.Domain.Regions;
using Scrm.Domain.Settlements;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Data.Seed;

/// <summary>
/// A living month for finance: repair jobs done over the last two months and this month so far, each with its services
/// and parts recorded and resolved by its technician — so the app's own settlement handlers price them by the book in
/// force and book the ledger, at the moment each was done. Last month's statement of one technician is confirmed on the
/// 1st; a job of his from last month is reopened on the 2nd (the reversal lands in this month, as an adjustment) and
/// resolved again. Needs the published price book and the app's handlers; without them it seeds nothing.
/// </summary>
internal sealed class DemoSettlements(ScrmDbContext db, TimeProvider time, Dictionary<string, Region> cities, List<UserProfile> people, List<Customer> customers)
{
    // (service codes, part code and quantity or none) per job, by what the repair was.
    private static readonly (string Title, string[] Services, (string Code, decimal Quantity)? Part)[] Jobs =
    [
        ("空调不制冷，加氟", ["AC-REPAIR", "AC-GAS"], ("GAS-R32", 1.5m)),
        ("空调清洗保养", ["AC-CLEAN"], null),
        ("冰箱不制冷", ["FR-REPAIR", "FR-GAS"], ("GAS-R410A", 0.5m)),
        ("空调电容损坏", ["AC-REPAIR"], ("CAP-35UF", 1m)),
        ("空调移机", ["AC-MOVE", "AC-HIGH"], ("DRAIN-HOSE", 2m)),
        ("洗衣机安装", ["WM-INSTALL"], null),
    ];

    private static readonly Dictionary<string, string> Warehouses = new() { ["上海"] = "上海仓", ["杭州"] = "杭州仓", ["湖州"] = "杭州仓", ["宁波"] = "宁波仓" };

    public async Task SeedAsync(TicketTemplate repair, Random random, CancellationToken ct)
    {
        if (!await db.PriceBookVersions.AnyAsync(v => v.State == PriceBookState.Published, ct) || db.Pipeline.Handlers.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var thisMonth = LedgerMonth.Of(now);
        var lastMonth = thisMonth.AddMonths(-1);
        var confirmAt = ChinaTime.ToUtc(thisMonth.ToDateTime(new TimeOnly(10, 0)));
        var reopenAt = confirmAt.AddDays(1);
        // 孙伟 (tech2) starts with an empty ledger: his account is the one to settle a first job on by hand.
        var technicians = people.Where(p => p is { Role: Role.Technician, IsActive: true } && p.UserName != "tech2").ToList();
        var finance = people.First(p => p.Role == Role.Finance);
        var services = await db.ServiceItems.ToDictionaryAsync(i => i.Code, i => i.Id, ct);
        var parts = await db.SpareParts.ToDictionaryAsync(p => p.Code, p => p.Id, ct);
        var warehouses = await db.Warehouses.ToDictionaryAsync(w => w.Name, w => w.Id, ct);

        // Completion moments from two months back to yesterday, oldest first, office hours China time.
        var from = lastMonth.AddMonths(-1);
        var days = (ChinaTime.Today(time).DayNumber - from.DayNumber);
        var completions = Enumerable.Range(0, 40)
            .Select(_ => ChinaTime.ToUtc(from.AddDays(random.Next(days)).ToDateTime(new TimeOnly(9 + random.Next(9), random.Next(60)))))
            .Where(at => at < now && (at < confirmAt || at > reopenAt))
            .Order()
            .ToList();

        var clock = new SeedClock();
        var pipeline = db.Pipeline;
        db.Pipeline = pipeline with { Clock = clock };
        try
        {
            var confirmed = false;
            Ticket? toReopen = null;
            UserProfile? confirmedPayee = null;
            foreach (var completedAt in completions)
            {
                if (!confirmed && completedAt > confirmAt)
                {
                    confirmedPayee = technicians[0];
                    await ConfirmAsync(confirmedPayee, lastMonth, finance, clock, confirmAt, ct);
                    confirmed = true;
                }

                var technician = technicians[random.Next(technicians.Count)];
                var ticket = await CompleteJobAsync(repair, technician, Jobs[random.Next(Jobs.Length)], completedAt, services, parts, warehouses, clock, random, ct);
                if (toReopen is null && technician == technicians[0] && LedgerMonth.Of(completedAt) == lastMonth)
                {
                    toReopen = ticket;
                }
            }

            if (toReopen is not null && confirmedPayee is not null && reopenAt < now)
            {
                // Reopened after last month was confirmed: its reversal and the new round go to this month.
                await MoveAsync(toReopen, TicketStatus.InProgress, confirmedPayee, clock, reopenAt, ct);
                await MoveAsync(toReopen, TicketStatus.Resolved, confirmedPayee, clock, reopenAt.AddHours(3), ct);
            }
        }
        finally
        {
            db.Pipeline = pipeline;
            db.Actor = Actor.System(ActorChannel.Import);
        }
    }

    private async Task<Ticket> CompleteJobAsync(TicketTemplate repair, UserProfile technician, (string Title, string[] Services, (string Code, decimal Quantity)? Part) job,
        DateTime completedAt, Dictionary<string, long> services, Dictionary<string, long> parts, Dictionary<string, long> warehouses,
        SeedClock clock, Random random, CancellationToken ct)
    {
        var city = cities.Values.First(c => technician.WorksIn(c));
        var customer = customers.First(c => c.RegionId == city.Id);
        var agent = people.First(p => p.Role == Role.Agent);
        clock.UtcNow = completedAt.AddHours(-random.Next(4, 48));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var day = ChinaTime.Today(clock);
        var number = new TicketNumber(day, await TicketNumbers.NextAsync(db, TicketNumber.DayKey(day), ct));
        var details = new TicketDetails(job.Title, $"客户{customer.Name}报修：{job.Title}。", Urgency.Normal, customer.Id, city.Id, technician.Id);
        var ticket = Ticket.Create(number, repair, details, RepairFields(customer), agent.Id, clock);
        foreach (var next in TicketStatusRules.Path(ticket.Status, TicketStatus.InProgress))
        {
            ticket.ChangeStatus(next, clock);
        }

        db.Actor = new Actor(agent.Id, agent.DisplayName, agent.Role, ActorChannel.Import);
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        clock.UtcNow = completedAt.AddMinutes(-30);
        foreach (var code in job.Services)
        {
            db.WorkLines.Add(WorkLine.Record(ticket.Id, PricedItemKind.Service, services[code], 1, null, null, technician.Id, clock));
        }

        if (job.Part is { } part)
        {
            db.WorkLines.Add(WorkLine.Record(ticket.Id, PricedItemKind.Part, parts[part.Code], part.Quantity, warehouses[Warehouses[city.Name]], null, technician.Id, clock));
        }

        db.Actor = new Actor(technician.Id, technician.DisplayName, technician.Role, ActorChannel.Import);
        await db.SaveChangesAsync(ct);
        await MoveAsync(ticket, TicketStatus.Resolved, technician, clock, completedAt, ct);
        return ticket;
    }

    private async Task MoveAsync(Ticket ticket, TicketStatus to, UserProfile by, SeedClock clock, DateTime at, CancellationToken ct)
    {
        clock.UtcNow = at;
        db.Actor = new Actor(by.Id, by.DisplayName, by.Role, ActorChannel.Import);
        ticket.ChangeStatus(to, clock);
        await db.SaveChangesAsync(ct);
    }

    private async Task ConfirmAsync(UserProfile payee, DateOnly month, UserProfile finance, SeedClock clock, DateTime at, CancellationToken ct)
    {
        var entries = await db.EarningsEntries.Where(e => e.PayeeId == payee.Id && e.Month == month).Select(e => e.Amount).ToListAsync(ct);
        clock.UtcNow = at;
        db.Actor = new Actor(finance.Id, finance.DisplayName, finance.Role, ActorChannel.Import);
        db.Statements.Add(Statement.Confirm(payee.Id, month, entries.Sum(), entries.Count, finance.Id, at));
        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, string?> RepairFields(Customer customer) => new()
    {
        ["fault_types"] = FieldValues.WriteMultiSelect(["其他"]),
        ["warranty"] = "延保",
        ["contact_phone"] = customer.Phone,
    };
}
