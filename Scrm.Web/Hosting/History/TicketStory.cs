using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Hosting.History;

/// <summary>One generated ticket as it stands now, with what the app's handlers would have written beside it.</summary>
internal sealed record GeneratedTicket(long Id, Ticket Ticket, DateTime? SlaStoppedAt, DateTime? SlaBreachedAt, List<WorkLine> Work, List<Settlement> Settlements);

/// <summary>
/// Lives one ticket's life through the real domain methods (create, dispatch, workflow buttons, status changes, rating,
/// settlement pricing and reversal) on a clock of its own: each step waits a log-normal dwell for its node, and the
/// story stops where the next step would fall after now — so recent tickets are open and old ones finished. The SLA
/// clock's stop and breach, set by handlers in the app, are worked out here.
/// </summary>
internal sealed class TicketStory(HistoryWorld world, Random random, DateTime now)
{
    private const string RuleName = "历史数据";

    private static readonly Dictionary<string, Dwell> NodeDwell = new()
    {
        ["accept"] = new(20, 0.8), ["dispatch"] = new(180, 0.9), ["visit"] = new(1800, 0.7), ["confirm"] = new(240, 0.8),
        ["followup"] = new(1440, 0.6), ["triage"] = new(30, 0.8), ["handle"] = new(600, 0.9), ["approve"] = new(240, 0.8),
    };

    private static readonly Dwell Response = new(45, 1), StartWork = new(600, 0.8), Fix = new(1200, 0.8), CloseAfter = new(2880, 0.6),
        ReopenAfter = new(2880, 0.5), Rating = new(600, 1), Refund = new(4320, 0.7);

    private readonly double[] _cityWeights = TicketCalendar.Cumulative(world.Cities.Select(c => c.Weight));
    private readonly HistoryClock _clock = new();
    private DateTime? _stoppedAt;
    private double _slowdown;

    public GeneratedTicket Tell(long ticketId, TicketNumber number, DateTime createdAt)
    {
        var city = world.Cities[TicketCalendar.Pick(_cityWeights, random)];
        var customer = city.Customers[random.Next(city.Customers.Count)];
        var agent = city.Agents[random.Next(city.Agents.Count)];
        var technician = city.Technicians[random.Next(city.Technicians.Count)];
        var breached = random.NextDouble() < 0.08;
        _slowdown = breached ? 4 : 1;
        _stoppedAt = null;
        _clock.UtcNow = createdAt;
        var urgencyRoll = random.Next(100);
        var urgency = urgencyRoll < 10 ? Urgency.Urgent : urgencyRoll < 30 ? Urgency.High : urgencyRoll < 80 ? Urgency.Normal : Urgency.Low;
        var job = new Job(ticketId, city, technician, [], []);

        var roll = random.Next(100);
        Ticket ticket;
        if (roll < 50)
        {
            var product = HistoryJobs.InstallProduct(random);
            var details = new TicketDetails($"{product}上门安装", $"客户{customer.Name}新购{product}，预约上门安装。", urgency, customer.Id, city.Region.Id, null);
            ticket = Ticket.Create(number, world.Install, details, HistoryJobs.InstallFields(product, customer, createdAt, random), agent.Id, _clock);
            Walk(ticket, world.InstallFlow, world.Install, new TicketFacts(city.Region.TierAt(createdAt), customer.Level, city.Region.ParentId),
                agent, job, HistoryJobs.InstallWork(product, random));
        }
        else if (roll < 88)
        {
            var (title, work) = HistoryJobs.Repair(random);
            var details = new TicketDetails(title, $"客户{customer.Name}报修：{title}。", urgency, customer.Id, city.Region.Id, null);
            ticket = Ticket.Create(number, world.Repair, details, HistoryJobs.RepairFields(customer, random), agent.Id, _clock);
            LiveRepair(ticket, job, work);
        }
        else
        {
            var details = new TicketDetails("客户投诉", $"客户{customer.Name}对服务不满意。", urgency, customer.Id, city.Region.Id, null);
            ticket = Ticket.Create(number, world.Complaint, details, HistoryJobs.ComplaintFields(customer, random), agent.Id, _clock);
            Walk(ticket, world.ComplaintFlow, world.Complaint, new TicketFacts(city.Region.TierAt(createdAt), customer.Level, city.Region.ParentId),
                agent, job, []);
        }

        Rate(ticket);
        RefundSometimes(job);
        // A breach is flagged when the target passed: somewhere between creation and the end (or now, while still open).
        DateTime? breachedAt = breached ? createdAt + ((_stoppedAt ?? now) - createdAt) * 0.6 : null;
        return new GeneratedTicket(ticketId, ticket, _stoppedAt, breachedAt, job.WorkLines, job.Settlements);
    }

    private void LiveRepair(Ticket ticket, Job job, List<HistoryJobs.Item> work)
    {
        if (!Wait(Response))
        {
            return;
        }

        if (random.Next(50) == 0)
        {
            Move(ticket, TicketStatus.Cancelled);
            return;
        }

        ticket.AssignByRule(job.Technician.Id, RuleName, _clock);
        if (!Wait(StartWork))
        {
            return;
        }

        Move(ticket, TicketStatus.InProgress);
        if (!Wait(Fix))
        {
            return;
        }

        Record(job, work);
        Move(ticket, TicketStatus.Resolved);
        Settle(job);
        if (random.NextDouble() < 0.03 && Wait(ReopenAfter))
        {
            // 返修: the customer calls back; the first settlement is taken back and the job settled again once fixed.
            Move(ticket, TicketStatus.InProgress);
            job.Settlements[^1].Reverse(ReversalKind.Reopened, "客户返修", job.Technician.Id, _clock.UtcNow);
            if (!Wait(Fix))
            {
                return;
            }

            Move(ticket, TicketStatus.Resolved);
            Settle(job);
        }

        if (Wait(CloseAfter))
        {
            Move(ticket, TicketStatus.Closed);
        }
    }

    /// <summary>Presses each node's usual button (now and then the other one) until the ticket ends or the next press is in the future.</summary>
    private void Walk(Ticket ticket, Domain.Workflows.WorkflowDefinition flow, Domain.Templates.TicketTemplate template, TicketFacts facts,
        UserProfile agent, Job job, List<HistoryJobs.Item> work)
    {
        var graph = flow.Graph;
        ticket.StartWorkflow(flow.Id, graph, template, facts, Actor(agent), _clock);
        var reworked = false;
        while (graph.FindNode(ticket.CurrentNodeId) is { Kind: not NodeKind.End } node)
        {
            if (node.Kind == NodeKind.Timer)
            {
                if (ticket.TimerDueAt is not { } due || due >= now)
                {
                    return;
                }

                _clock.UtcNow = due;
                ticket.FireTimer(graph, template, facts, _clock);
                Track(ticket);
                continue;
            }

            if (!Wait(NodeDwell[node.Id]))
            {
                return;
            }

            var press = node.Id switch
            {
                "accept" => random.Next(100) < 3 ? "accept->cancelled" : "accept->dispatch",
                "confirm" when !reworked && random.Next(100) < 4 => "confirm->visit",
                "approve" => random.Next(100) < 20 ? "approve->followup" : "approve->pay",
                _ => graph.Outgoing(node.Id).First(t => !t.Id.EndsWith("cancelled", StringComparison.Ordinal)).Id,
            };
            reworked |= press == "confirm->visit";
            if (press == "dispatch->visit")
            {
                ticket.AssignByRule(job.Technician.Id, RuleName, _clock);
            }

            if (press == "visit->confirm" && job.WorkLines.Count == 0)
            {
                Record(job, work);
            }

            var actor = node.Actor switch
            {
                { Kind: ActorRuleKind.Assignee } => job.Technician,
                { Kind: ActorRuleKind.Role, Role: Role.Supervisor } => world.Supervisor,
                _ => agent,
            };
            ticket.Transition(graph, press, template, facts, Actor(actor), _clock);
            Track(ticket);
            if (press == "confirm->settle")
            {
                Settle(job);
            }
        }
    }

    private void Rate(Ticket ticket)
    {
        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed && random.Next(100) < 60)
        {
            var ratedAt = (_stoppedAt ?? _clock.UtcNow) + Rating.Sample(random);
            if (ratedAt < now)
            {
                var roll = random.Next(100);
                ticket.Rate(roll < 55 ? 5 : roll < 83 ? 4 : roll < 92 ? 3 : roll < 96 ? 2 : 1, null, ratedAt);
            }
        }
    }

    /// <summary>About 1 % of posted settlements are refunded later: finance reverses them on a later day.</summary>
    private void RefundSometimes(Job job)
    {
        if (job.Settlements.Count > 0 && job.Settlements[^1] is { State: SettlementState.Posted } posted && random.Next(100) == 0)
        {
            var at = posted.PostedAt!.Value.AddDays(1) + Refund.Sample(random);
            if (at < now)
            {
                posted.Reverse(ReversalKind.Refunded, "客户退款", world.Finance.Id, at);
            }
        }
    }

    private void Record(Job job, List<HistoryJobs.Item> work)
    {
        foreach (var item in work)
        {
            var (itemId, warehouse) = item.Kind == PricedItemKind.Service ? (world.Services[item.Code].Id, (long?)null) : (world.Parts[item.Code].Id, job.City.WarehouseId);
            job.WorkLines.Add(WorkLine.Record(job.TicketId, item.Kind, itemId, item.Quantity, warehouse, null, job.Technician.Id, _clock));
        }
    }

    /// <summary>Prices the recorded work as the settlement handler would, at this moment, by the city's tier and the payee's partner type.</summary>
    private void Settle(Job job)
    {
        var at = _clock.UtcNow;
        var work = job.WorkLines.GroupBy(l => (l.Kind, l.ItemId)).Select(g =>
        {
            if (g.Key.Kind == PricedItemKind.Service)
            {
                var s = world.Services.Values.First(i => i.Id == g.Key.ItemId);
                return new WorkedItem(g.Key.Kind, s.Id, s.Code, s.Name, s.Unit, g.Sum(l => l.Quantity), s.Category);
            }

            var p = world.Parts.Values.First(i => i.Id == g.Key.ItemId);
            return new WorkedItem(g.Key.Kind, p.Id, p.Code, p.Name, p.Unit, g.Sum(l => l.Quantity));
        }).ToList();
        var settlement = Settlement.Open(job.TicketId, job.Settlements.Count + 1, at);
        var terms = new SettlementTerms(job.Technician.Id, job.City.Region.Id, job.City.Region.TierAt(at), job.Technician.PartnerTypeAt(at));
        settlement.Price(terms, work, key => world.Price(key, at), at);
        job.Settlements.Add(settlement);
    }

    private void Move(Ticket ticket, TicketStatus to)
    {
        foreach (var status in TicketStatusRules.Path(ticket.Status, to))
        {
            ticket.ChangeStatus(status, _clock);
        }

        Track(ticket);
    }

    /// <summary>The SLA clock as the app keeps it: stopped when the ticket is finished, running again when it is reopened.</summary>
    private void Track(Ticket ticket)
    {
        var finished = !TicketStatusRules.IsOpen(ticket.Status) || ticket.Status == TicketStatus.Resolved;
        _stoppedAt = finished ? _stoppedAt ?? _clock.UtcNow : null;
    }

    /// <summary>Moves the clock on by a dwell; false (and the clock stays) when that would be after now.</summary>
    private bool Wait(Dwell dwell)
    {
        var next = _clock.UtcNow + dwell.Sample(random, _slowdown);
        if (next >= now)
        {
            return false;
        }

        _clock.UtcNow = next;
        return true;
    }

    private static WorkflowActor Actor(UserProfile user) => new(user.Id, user.DisplayName, user.Role);

    private sealed record Job(long TicketId, HistoryWorld.City City, UserProfile Technician, List<WorkLine> WorkLines, List<Settlement> Settlements);
}
