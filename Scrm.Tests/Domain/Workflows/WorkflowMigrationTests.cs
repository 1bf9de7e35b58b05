using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Xunit;
using static Scrm.Tests.Domain.Workflows.WorkflowFixtures;

namespace Scrm.Tests.Domain.Workflows;

public sealed class WorkflowMigrationTests
{
    /// <summary>Version 2 merges 受理 into a new 接单 step and keeps 上门.</summary>
    private static WorkflowGraph Version2() => new WorkflowGraphBuilder()
        .Start("start", "开始").Step("take", "接单", ActorRule.Desk, TicketStatus.New).Step("visit", "上门", ActorRule.Assigned)
        .End("done", "完成", EndOutcome.Resolved)
        .Link("start", "take").Link("take", "visit", "派单").Link("visit", "done", "完工")
        .Build();

    private static List<(Ticket Ticket, TicketBuilder Builder)> Tickets()
    {
        var list = new List<(Ticket, TicketBuilder)>();
        foreach (var urgency in new[] { Urgency.Normal, Urgency.Normal, Urgency.Urgent, Urgency.Low })
        {
            var builder = new TicketBuilder().From(Template()).WithUrgency(urgency).AssignedTo(Technician.UserId);
            var ticket = builder.Build();
            ticket.StartWorkflow(1, Repair(), builder.Template, TicketFacts.None, Agent, builder.Time);
            if (urgency != Urgency.Low)
            {
                ticket.Transition(Repair(), "accept->urgent", builder.Template, TicketFacts.None, Agent, builder.Time);
            }

            list.Add((ticket, builder));
        }

        return list;
    }

    [Fact]
    public void DryRun_EqualsTheRealMigration()
    {
        var tickets = Tickets();
        var migration = new WorkflowMigration(Repair(), Version2(), new Dictionary<string, string> { ["accept"] = "take", ["approve"] = "take", ["visit"] = "visit" });

        var plan = migration.Plan(tickets.Select(t => t.Ticket.CurrentNodeId!));
        foreach (var (ticket, builder) in tickets)
        {
            ticket.MigrateWorkflow(2, Version2(), migration.TargetFor(ticket.CurrentNodeId!)!, builder.Time);
        }

        Assert.True(plan.CanApply);
        var planned = plan.Moves.GroupBy(m => m.ToNodeId).ToDictionary(g => g.Key, g => g.Sum(m => m.Tickets));
        var actual = tickets.GroupBy(t => t.Ticket.CurrentNodeId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(actual, planned);
        Assert.All(tickets, t => Assert.Equal(2, t.Ticket.WorkflowId));
    }

    [Fact]
    public void DryRun_ReportsNodesWithTicketsThatAreNotMapped()
    {
        var migration = new WorkflowMigration(Repair(), Version2(), new Dictionary<string, string> { ["accept"] = "take" });

        var plan = migration.Plan(Tickets().Select(t => t.Ticket.CurrentNodeId!));

        Assert.False(plan.CanApply);
        Assert.Contains(plan.Problems, p => p.Code == "MigrationUnmapped" && p.NodeId == "approve");
        Assert.Contains(plan.Problems, p => p.Code == "MigrationUnmapped" && p.NodeId == "visit");
    }

    [Fact]
    public void MappingToANodeThatDoesNotWait_IsNotATarget()
    {
        var migration = new WorkflowMigration(Repair(), Version2(), new Dictionary<string, string> { ["accept"] = "start" });

        Assert.Null(migration.TargetFor("accept"));
    }
}
