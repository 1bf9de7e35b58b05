using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Sla;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Seed;

/// <summary>
/// The demo company's SLA: office hours on mainland China's 2026 calendar, a policy per template and urgency, and a
/// handful of tickets opened at moments chosen so the boards show every SLA band at first start — the repair board
/// (by status) with paused tickets in 挂起, and one unanswered urgent repair long enough ago that both levels of its
/// escalation chain go out when the escalation job first runs.
/// </summary>
internal sealed class DemoSla(ScrmDbContext db, TimeProvider time, Dictionary<string, Region> cities, List<UserProfile> people, List<Customer> customers)
{
    /// <summary>Working minutes allowed for the first response and the resolution, by urgency.</summary>
    private static readonly Dictionary<Urgency, (int FirstResponse, int Resolution)> Targets = new()
    {
        [Urgency.Urgent] = (30, 8 * 60),
        [Urgency.High] = (60, 2 * 9 * 60),
        [Urgency.Normal] = (2 * 60, 5 * 9 * 60),
        [Urgency.Low] = (4 * 60, 10 * 9 * 60),
    };

    // Where a board ticket's governing clock stands, as a share of its allowed time.
    private const double OnTrack = 0.25, AtRisk = 0.6, DueSoon = 0.85, Breached = 1.4;

    public async Task SeedAsync(IReadOnlyList<TicketTemplate> templates, TicketTemplate repair, CancellationToken ct)
    {
        var settings = SlaSettings.Default();
        settings.Update(WorkingHours.MondayToFriday(), ChinaCalendar2026.Holidays, ChinaCalendar2026.MakeUpDays, [TicketStatus.OnHold]);
        db.SlaSettings.Add(settings);
        foreach (var template in templates)
        {
            foreach (var (urgency, (firstResponse, resolution)) in Targets)
            {
                // The example chain: unanswered for an hour → the region's supervisors; three hours → its director.
                var (toSupervisors, toDirector) = urgency == Urgency.Urgent ? (30, 90) : (60, 180);
                db.SlaPolicies.Add(SlaPolicy.Create(template.Id, urgency, firstResponse, resolution,
                [
                    new(SlaTarget.FirstResponse, toSupervisors, EscalationRecipient.RegionSupervisors, null),
                    new(SlaTarget.FirstResponse, toDirector, EscalationRecipient.RegionDirector, null),
                ], _ => false));
            }
        }

        await db.SaveChangesAsync(ct);
        await SeedRepairBoardAsync(repair, settings.Calendar(), ct);
    }

    /// <summary>The repair board (columns by status): every urgency and band, two paused, one breached and unanswered.</summary>
    private async Task SeedRepairBoardAsync(TicketTemplate repair, BusinessCalendar calendar, CancellationToken ct)
    {
        var hangzhou = cities["杭州"];
        var shanghai = cities["上海"];
        (string Title, Urgency Urgency, Region City, TicketStatus Status, double Share, bool Paused)[] board =
        [
            ("空调外机异响，客户催促", Urgency.Urgent, hangzhou, TicketStatus.New, 100.0 / 30, false), // both escalation levels due
            ("净水器滤芯更换咨询", Urgency.Low, shanghai, TicketStatus.New, 0.2, false),
            ("冰箱冷藏室结霜", Urgency.High, shanghai, TicketStatus.Assigned, AtRisk, false),
            ("洗衣机脱水时晃动", Urgency.Normal, hangzhou, TicketStatus.Assigned, OnTrack, false),
            ("热水器点火失败", Urgency.Urgent, hangzhou, TicketStatus.InProgress, DueSoon, false),
            ("空调制热效果差", Urgency.Normal, shanghai, TicketStatus.InProgress, AtRisk, false),
            ("油烟机吸力不足", Urgency.High, hangzhou, TicketStatus.InProgress, Breached, false),
            ("冰箱压缩机更换待客户确认报价", Urgency.Normal, shanghai, TicketStatus.OnHold, AtRisk, true),
            ("热水器漏水待客户约时间", Urgency.Low, hangzhou, TicketStatus.OnHold, OnTrack, true),
            ("空调遥控失灵", Urgency.Low, shanghai, TicketStatus.InProgress, OnTrack, false),
        ];

        var agent = people.First(p => p.Role == Role.Agent && p.Regions.Count == 0);
        var clock = new SeedClock();
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (title, urgency, city, status, share, paused) in board)
        {
            var (firstResponse, resolution) = Targets[urgency];
            var unanswered = status == TicketStatus.New;
            var allowed = TimeSpan.FromMinutes(unanswered ? firstResponse : resolution);
            var used = TimeSpan.FromTicks((long)(allowed.Ticks * share));
            // A paused ticket stopped after using its share and has stood still for a working day since.
            var end = paused ? calendar.SubtractWorkingTime(now, TimeSpan.FromHours(9))!.Value : now;
            clock.UtcNow = calendar.SubtractWorkingTime(end, used)!.Value;

            var technician = people.First(p => p is { Role: Role.Technician, IsActive: true } && p.WorksIn(city));
            var customer = customers.First(c => c.RegionId == city.Id);
            var day = ChinaTime.Today(clock);
            var number = new TicketNumber(day, await TicketNumbers.NextAsync(db, TicketNumber.DayKey(day), ct));
            var details = new TicketDetails(title, $"客户{customer.Name}来电：{title}。", urgency, customer.Id, city.Id, unanswered ? null : technician.Id);
            var ticket = Ticket.Create(number, repair, details, RepairFields(customer), agent.Id, clock);
            foreach (var next in TicketStatusRules.Path(ticket.Status, status))
            {
                clock.UtcNow = next == TicketStatus.OnHold ? end : clock.UtcNow;
                ticket.ChangeStatus(next, clock);
            }

            db.Tickets.Add(ticket);
        }

        db.Actor = new Actor(agent.Id, agent.DisplayName, agent.Role, ActorChannel.Import);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.Actor = Actor.System(ActorChannel.Import);
    }

    private static Dictionary<string, string?> RepairFields(Customer customer) => new()
    {
        ["fault_types"] = FieldValues.WriteMultiSelect(["其他"]),
        ["warranty"] = "延保",
        ["contact_phone"] = customer.Phone,
        ["linked_customer"] = customer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
