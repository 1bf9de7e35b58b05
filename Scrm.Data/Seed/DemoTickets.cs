using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Seed;

/// <summary>
/// The demo company's ticket history: about 200 tickets over 45 days. Installation and complaint tickets walk their
/// published workflows button by button (so node visits and dwell times are real); repair tickets use plain statuses.
/// </summary>
internal sealed class DemoTickets(ScrmDbContext db, TimeProvider time, Random random, Dictionary<string, Region> cities,
    List<UserProfile> people, List<Customer> customers)
{
    private static readonly string[] InstallTitles = ["{0}上门安装", "新购{0}安装预约", "{0}移机安装", "{0}送装一体"];
    private static readonly string[] RepairTitles = ["{0}不制冷报修", "{0}漏水", "{0}噪音大需检修", "{0}无法开机", "{0}显示故障码"];
    private static readonly string[] ComplaintTitles = ["投诉{0}安装师傅迟到", "{0}安装后漏水投诉", "对{0}维修收费有异议", "{0}上门服务态度投诉"];
    private static readonly string[] Products = ["空调", "热水器", "洗衣机", "冰箱", "净水器"];

    private static readonly TicketStatus[] Statuses = [TicketStatus.New, TicketStatus.New, TicketStatus.Assigned, TicketStatus.Assigned,
        TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.InProgress, TicketStatus.OnHold, TicketStatus.Resolved,
        TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Closed, TicketStatus.Closed, TicketStatus.Cancelled];

    /// <summary>Which buttons take a new installation ticket to a node showing each status.</summary>
    private static readonly Dictionary<TicketStatus, string[]> InstallPaths = new()
    {
        [TicketStatus.New] = [],
        [TicketStatus.Assigned] = ["accept->dispatch"],
        [TicketStatus.InProgress] = ["accept->dispatch", "dispatch->visit"],
        [TicketStatus.OnHold] = ["accept->dispatch", "dispatch->visit"],
        [TicketStatus.Resolved] = ["accept->dispatch", "dispatch->visit", "visit->confirm"],
        [TicketStatus.Closed] = ["accept->dispatch", "dispatch->visit", "visit->confirm", "confirm->settle", "followup->closed"],
        [TicketStatus.Cancelled] = ["accept->cancelled"],
    };

    private static readonly Dictionary<TicketStatus, string[]> ComplaintPaths = new()
    {
        [TicketStatus.New] = [],
        [TicketStatus.Assigned] = [],
        [TicketStatus.InProgress] = ["triage->handle"],
        [TicketStatus.OnHold] = ["triage->handle", "handle->refund"],
        [TicketStatus.Resolved] = ["triage->handle", "handle->refund", "approve->pay"],
        [TicketStatus.Closed] = ["triage->handle", "handle->refund", "approve->pay", "followup->objection"],
        [TicketStatus.Cancelled] = ["triage->handle", "handle->refund", "approve->followup", "followup->objection"],
    };

    private readonly SeedClock _clock = new();
    private readonly Dictionary<DateOnly, int> _counters = [];

    public sealed record Flow(TicketTemplate Template, WorkflowDefinition Workflow);

    public async Task SeedAsync(int count, Flow install, Flow complaint, TicketTemplate repair, CancellationToken ct)
    {
        var agents = people.Where(p => p.Role == Role.Agent).ToList();
        var technicians = people.Where(p => p is { Role: Role.Technician, IsActive: true }).ToList();
        var now = time.GetUtcNow().UtcDateTime;
        var tickets = new List<Ticket>();
        for (var i = 0; i < count; i++)
        {
            // Older tickets are mostly finished; recent ones mostly open.
            var age = TimeSpan.FromMinutes(random.Next(10, 60 * 24 * 45));
            _clock.UtcNow = now - age;
            var day = ChinaTime.Today(_clock);
            _counters[day] = _counters.GetValueOrDefault(day) + 1;

            var customer = customers[random.Next(customers.Count)];
            var city = cities.Values.Single(c => c.Id == customer.RegionId);
            var product = Products[random.Next(Products.Length)];
            var kind = random.Next(100) switch { < 50 => 0, < 88 => 1, _ => 2 };
            var (template, titles) = kind switch { 0 => (install.Template, InstallTitles), 1 => (repair, RepairTitles), _ => (complaint.Template, ComplaintTitles) };
            var title = string.Format(CultureInfo.InvariantCulture, titles[random.Next(4)], product);
            var urgencyRoll = random.Next(100);
            var urgency = urgencyRoll < 10 ? Urgency.Urgent : urgencyRoll < 30 ? Urgency.High : urgencyRoll < 80 ? Urgency.Normal : Urgency.Low;
            var target = age.TotalDays > 20 ? Statuses[random.Next(8, Statuses.Length)] : Statuses[random.Next(Statuses.Length)];
            // The city's technicians take turns, so each has work on the board.
            var local = technicians.Where(t => t.WorksIn(city)).ToList();
            var technician = local.Count > 0 ? local[i % local.Count] : technicians[0];
            var assignee = target == TicketStatus.New || (target == TicketStatus.Cancelled && random.Next(2) == 0) ? null : technician.Id;
            var agent = agents.Where(a => a.WorksIn(city)).ElementAt(random.Next(agents.Count(a => a.WorksIn(city))));

            var fields = kind switch { 0 => InstallFields(random, product, customer, _clock), 1 => RepairFields(random, customer), _ => ComplaintFields(random, customer, target) };
            var details = new TicketDetails(title, $"客户{customer.Name}来电：{title}。", urgency, customer.Id, city.Id, assignee);
            var ticket = Ticket.Create(new TicketNumber(day, _counters[day]), template, details, fields, agent.Id, _clock);
            var facts = new TicketFacts(city.TierAt(_clock.GetUtcNow().UtcDateTime), customer.Level, city.ParentId);
            switch (kind)
            {
                case 0:
                    Walk(ticket, install, facts, InstallPaths[target], agent, technician, now);
                    break;
                case 1:
                    MoveTo(ticket, target, now);
                    break;
                default:
                    Walk(ticket, complaint, facts, ComplaintPaths[target], agent, technician, now);
                    break;
            }

            tickets.Add(ticket);
        }

        foreach (var (day, last) in _counters)
        {
            db.TicketNumberCounters.Add(new TicketNumberCounter { Day = TicketNumber.DayKey(day), Last = last });
        }

        // Saved per agent so each ticket's history says who created it.
        foreach (var agent in agents)
        {
            db.Actor = new Domain.Common.Actor(agent.Id, agent.DisplayName, agent.Role, Domain.Common.ActorChannel.Import);
            db.Tickets.AddRange(tickets.Where(t => t.CreatedById == agent.Id));
            await db.SaveChangesAsync(ct);
        }

        db.Actor = Domain.Common.Actor.System(Domain.Common.ActorChannel.Import);
    }

    /// <summary>Presses the buttons in order, each by who the node allows, minutes to hours apart; stops where a button does not apply.</summary>
    private void Walk(Ticket ticket, Flow flow, TicketFacts facts, string[] presses, UserProfile agent, UserProfile technician, DateTime now)
    {
        var graph = flow.Workflow.Graph;
        ticket.StartWorkflow(flow.Workflow.Id, graph, flow.Template, facts, Actor(agent), _clock);
        foreach (var press in presses)
        {
            var node = graph.FindNode(ticket.CurrentNodeId);
            if (node is null || !graph.Outgoing(node.Id).Any(t => t.Id == press))
            {
                // The branch went another way (an urgent complaint skips the approval): the rest of the path does not apply.
                continue;
            }

            Advance(now);
            var actor = node.Actor switch
            {
                { Kind: ActorRuleKind.Assignee } => technician,
                { Kind: ActorRuleKind.Role, Role: { } role } when role != agent.Role => people.First(p => p.Role == role),
                _ => agent,
            };
            ticket.Transition(graph, press, flow.Template, facts, Actor(actor), _clock);
        }
    }

    /// <summary>Walks a ticket without a workflow through the allowed statuses to <paramref name="target"/>.</summary>
    private void MoveTo(Ticket ticket, TicketStatus target, DateTime now)
    {
        foreach (var status in TicketStatusRules.Path(ticket.Status, target))
        {
            Advance(now);
            ticket.ChangeStatus(status, _clock);
        }
    }

    // Never later than now: history must not be in the future.
    private void Advance(DateTime now)
    {
        var next = _clock.UtcNow + TimeSpan.FromMinutes(random.Next(20, 600));
        _clock.UtcNow = next < now ? next : now;
    }

    private static WorkflowActor Actor(UserProfile user) => new(user.Id, user.DisplayName, user.Role);

    private static Dictionary<string, string?> InstallFields(Random random, string product, Customer customer, SeedClock clock)
    {
        var created = DateOnly.FromDateTime(clock.UtcNow);
        var removeOld = random.Next(3) == 0;
        var highAltitude = product == "空调" && random.Next(3) == 0;
        return new()
        {
            ["product_type"] = product,
            ["model"] = product == "空调" ? "KFR-35GW/BP3DN8Y" : $"{product[..1]}-{random.Next(100, 999)}",
            ["order_no"] = random.Next(2) == 0 ? $"JD{random.Next(10000000, 99999999)}" : null,
            ["purchase_date"] = created.AddDays(-random.Next(1, 20)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["address"] = customer.Address,
            ["contact_phone"] = customer.Phone,
            ["appointment"] = created.AddDays(random.Next(1, 5)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["remove_old"] = removeOld ? "true" : null,
            ["old_units"] = removeOld ? random.Next(1, 3).ToString(CultureInfo.InvariantCulture) : null,
            ["high_altitude"] = highAltitude ? "true" : null,
            ["extra_fee"] = highAltitude ? (random.Next(5, 40) * 10).ToString(CultureInfo.InvariantCulture) : null,
        };
    }

    private static Dictionary<string, string?> RepairFields(Random random, Customer customer)
    {
        string[] faults = ["不制冷", "漏水", "噪音大", "无法开机", "显示故障码", "其他"];
        var chosen = faults.Where(_ => random.Next(4) == 0).DefaultIfEmpty(faults[random.Next(faults.Length)]).ToList();
        var warranty = new[] { "在保", "过保", "延保" }[random.Next(3)];
        return new()
        {
            ["fault_types"] = FieldValues.WriteMultiSelect(chosen),
            ["fault_code"] = chosen.Contains("显示故障码") ? $"E{random.Next(1, 9)}" : null,
            ["warranty"] = warranty,
            ["warranty_card"] = warranty == "在保" ? $"WK{random.Next(100000, 999999)}" : null,
            ["quote"] = warranty == "过保" ? (random.Next(8, 60) * 10 + 0.5m).ToString(CultureInfo.InvariantCulture) : null,
            ["contact_phone"] = customer.Phone,
            ["linked_customer"] = customer.Id.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Dictionary<string, string?> ComplaintFields(Random random, Customer customer, TicketStatus target)
    {
        var handled = target is not (TicketStatus.New or TicketStatus.Assigned);
        var refund = random.Next(3) == 0 || target is TicketStatus.OnHold or TicketStatus.Resolved;
        return new()
        {
            ["complaint_type"] = new[] { "服务态度", "上门超时", "安装质量", "收费争议", "其他" }[random.Next(5)],
            ["contact_phone"] = customer.Phone,
            ["handling_result"] = handled ? "已致电客户致歉，并安排主管跟进。" : null,
            ["need_refund"] = refund ? "true" : null,
            ["refund_amount"] = refund ? (random.Next(5, 50) * 10).ToString(CultureInfo.InvariantCulture) : null,
        };
    }
}
