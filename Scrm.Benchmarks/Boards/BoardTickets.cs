using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Sla;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;

namespace Scrm.Benchmarks.Boards;

/// <summary>
/// Open repair tickets (维修工单, a board by status) added to the seeded demo company, made with the domain: created by an
/// agent, moved along the allowed statuses, and their SLA clock kept as <c>SlaClockKeeper</c> keeps it (paused in 挂起,
/// stopped when resolved). Spread over the open columns, the four urgencies, the demo's cities, customers and technicians.
/// </summary>
public static class BoardTickets
{
    /// <summary>The board's template: the demo's 维修工单.</summary>
    public const string TemplateName = "维修工单";

    /// <summary>Tickets were created over this many days before now: recent work, most of it still open.</summary>
    public const int Days = 10;

    private static readonly string[] _titles = ["{0}不制冷报修", "{0}漏水", "{0}噪音大需检修", "{0}无法开机", "{0}显示故障码"];
    private static readonly string[] _products = ["空调", "热水器", "洗衣机", "冰箱", "净水器"];

    // Where open repair work stands: mostly being worked, some waiting on the desk, on the customer, or for the visit report.
    private static readonly (TicketStatus Status, int Weight)[] _statuses =
        [(TicketStatus.New, 15), (TicketStatus.Assigned, 20), (TicketStatus.InProgress, 35), (TicketStatus.OnHold, 10), (TicketStatus.Resolved, 20)];
    private static readonly (Urgency Urgency, int Weight)[] _urgencies = [(Urgency.Urgent, 10), (Urgency.High, 20), (Urgency.Normal, 50), (Urgency.Low, 20)];

    /// <summary>
    /// Adds <paramref name="count"/> tickets through contexts from <paramref name="open"/> (without the app's handlers),
    /// <see cref="BatchSize"/> per save: the save pipeline looks up each row's aggregate among all tracked entries, so one
    /// save of thousands of rows takes minutes.
    /// </summary>
    public static async Task AddAsync(Func<ScrmDbContext> open, int count, DateTime now, CancellationToken ct)
    {
        var random = new Random(20261202);
        var reference = await Reference.LoadAsync(open, ct);
        var counters = reference.Counters.ToDictionary(c => c.Day, c => c.Last);
        var clock = new SettableClock();
        var tickets = new List<Ticket>();
        for (var i = 0; i < count; i++)
        {
            clock.UtcNow = now - TimeSpan.FromMinutes(random.Next(30, Days * 24 * 60));
            var customer = reference.Customers[random.Next(reference.Customers.Count)];
            var city = reference.Cities[customer.RegionId!.Value];
            var target = Pick(_statuses, random);
            var product = _products[random.Next(_products.Length)];
            var title = string.Format(CultureInfo.InvariantCulture, _titles[random.Next(_titles.Length)], product);
            var assignee = target == TicketStatus.New ? null : TechnicianFor(city, reference.Technicians, random).Id;
            var agents = reference.Agents.Where(a => a.WorksIn(city)).ToList();
            var agent = agents[random.Next(agents.Count)];

            var day = ChinaTime.Today(clock);
            var key = TicketNumber.DayKey(day);
            counters[key] = counters.GetValueOrDefault(key) + 1;
            var details = new TicketDetails(title, $"客户{customer.Name}来电：{title}。", Pick(_urgencies, random), customer.Id, city.Id, assignee);
            var ticket = Ticket.Create(new TicketNumber(day, counters[key]), reference.Repair, details,
                Fixture.TicketLoader.RepairFields(random, customer), agent.Id, clock);
            foreach (var status in TicketStatusRules.Path(ticket.Status, target))
            {
                var next = clock.UtcNow + TimeSpan.FromMinutes(random.Next(10, 6 * 60));
                clock.UtcNow = next < now ? next : now;
                ticket.ChangeStatus(status, clock);
                ticket.SyncSlaClock(reference.Sla.WaitingStatuses.Contains(status) ? status.ToString() : null, reference.Calendar, clock.UtcNow);
            }

            tickets.Add(ticket);
        }

        var importer = reference.Agents[0];
        foreach (var batch in tickets.Chunk(BatchSize))
        {
            await using var db = open();
            db.Actor = new Actor(importer.Id, importer.DisplayName, importer.Role, ActorChannel.Import);
            db.Tickets.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }

        // The day counters continue from the demo's, as the app's atomic counter would have left them.
        await using (var db = open())
        {
            var known = reference.Counters.Select(c => c.Day).ToHashSet();
            db.TicketNumberCounters.AttachRange(reference.Counters);
            foreach (var counter in reference.Counters)
            {
                counter.Last = counters[counter.Day];
            }

            db.TicketNumberCounters.AddRange(counters.Where(c => !known.Contains(c.Key)).Select(c => new TicketNumberCounter { Day = c.Key, Last = c.Value }));
            await db.SaveChangesAsync(ct);
        }
    }

    private const int BatchSize = 100;

    /// <summary>What the tickets point at, read once.</summary>
    private sealed record Reference(TicketTemplate Repair, SlaSettings Sla, BusinessCalendar Calendar, Dictionary<long, Region> Cities,
        List<Customer> Customers, List<UserProfile> Agents, List<UserProfile> Technicians, List<TicketNumberCounter> Counters)
    {
        public static async Task<Reference> LoadAsync(Func<ScrmDbContext> open, CancellationToken ct)
        {
            await using var db = open();
            var repair = await db.TicketTemplates.AsNoTracking().WithForm().SingleAsync(t => t.Name == TemplateName, ct);
            var sla = await db.SlaSettings.AsNoTracking().SingleAsync(ct);
            var cities = await db.Regions.AsNoTracking().Where(r => r.ParentId != null).ToDictionaryAsync(r => r.Id, ct);
            var customers = await db.Customers.AsNoTracking().Where(c => c.RegionId != null).OrderBy(c => c.Id).ToListAsync(ct);
            var people = await db.UserProfiles.AsNoTracking().Include(u => u.Regions).Where(u => u.IsActive).OrderBy(u => u.UserName).ToListAsync(ct);
            var counters = await db.TicketNumberCounters.AsNoTracking().ToListAsync(ct);
            return new Reference(repair, sla, sla.Calendar(), cities, customers,
                people.Where(p => p.Role == Role.Agent).ToList(), people.Where(p => p.Role == Role.Technician).ToList(), counters);
        }
    }

    /// <summary>One of the city's technicians (the demo has none in 宁波: the first technician covers it, as the demo does).</summary>
    private static UserProfile TechnicianFor(Region city, List<UserProfile> technicians, Random random)
    {
        var local = technicians.Where(t => t.WorksIn(city)).ToList();
        return local.Count > 0 ? local[random.Next(local.Count)] : technicians[0];
    }

    private static T Pick<T>((T Value, int Weight)[] choices, Random random)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            roll -= weight;
            if (roll < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTime UtcNow { get; set; }

        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    }
}
