using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Xunit;
using static Scrm.Tests.Domain.Workflows.WorkflowFixtures;

namespace Scrm.Tests.Domain.Workflows;

public sealed class WorkflowMigrationTests
{
    /// <summary>Version 2 merges 受理 into a new 接单 step, replaces the approval with a 30-minute wait, and keeps 上门.</summary>
    private static WorkflowGraph Version2() => new WorkflowGraphBuilder()
        .Start("start", "开始").Step("take", "接单", ActorRule.Desk, TicketStatus.New).Timer("wait", "等待回电", 30)
        .Step("visit", "上门", ActorRule.Assigned).End("done", "完成", EndOutcome.Resolved)
        .Link("start", "take").Link("take", "wait", "派单").Link("wait", "visit").Link("visit", "done", "完工")
        .Build();

    /// <summary>Two tickets wait at 主管审批 (Normal), one at 上门 (Urgent skips the approval), one at 受理 (Low, not accepted yet).</summary>
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
        var migration = new WorkflowMigration(Repair(), Version2(), new Dictionary<string, string> { ["accept"] = "take", ["approve"] = "wait", ["visit"] = "visit" });

        var plan = migration.Plan(tickets.Select(t => t.Ticket.CurrentNodeId!));
        foreach (var (ticket, builder) in tickets)
        {
            ticket.MigrateWorkflow(2, Version2(), migration.TargetFor(ticket.CurrentNodeId!)!, builder.Time);
        }

        Assert.True(plan.CanApply);
        Assert.Equal([("accept", "take", 1), ("approve", "wait", 2), ("visit", "visit", 1)], plan.Moves.Select(m => (m.FromNodeId, m.ToNodeId, m.Tickets)));
        // The builders' clock reads 2026-11-25 02:00 UTC: the 30-minute wait runs out at 02:30.
        DateTime? waitDue = new DateTime(2026, 11, 25, 2, 30, 0, DateTimeKind.Utc);
        Assert.Equal(
            [
                (2L, "wait", TicketStatus.OnHold, waitDue),
                (2L, "wait", TicketStatus.OnHold, waitDue),
                (2L, "visit", TicketStatus.InProgress, (DateTime?)null),
                (2L, "take", TicketStatus.New, (DateTime?)null),
            ],
            tickets.Select(t => (t.Ticket.WorkflowId!.Value, t.Ticket.CurrentNodeId!, t.Ticket.Status, t.Ticket.TimerDueAt)));
    }

    [Fact]
    public void MigratingOntoAnEnd_FinishesTheTicket_AndItsOldTimerNeverFires()
    {
        var withTimer = new WorkflowGraphBuilder()
            .Start("start", "开始").Timer("objection", "客户异议期", 24 * 60).End("closed", "已结案", EndOutcome.Closed)
            .Link("start", "objection").Link("objection", "closed")
            .Build();
        var builder = new TicketBuilder().From(Template());
        var ticket = builder.Build();
        ticket.StartWorkflow(1, withTimer, builder.Template, TicketFacts.None, Agent, builder.Time);

        ticket.MigrateWorkflow(2, withTimer, "closed", builder.Time);
        builder.Time.Advance(TimeSpan.FromHours(25));

        Assert.Equal(("closed", TicketStatus.Closed, (DateTime?)null), (ticket.CurrentNodeId, ticket.Status, ticket.TimerDueAt));
        Assert.False(ticket.FireTimer(withTimer, builder.Template, TicketFacts.None, builder.Time));
        Assert.NotNull(ticket.Visits.Single(v => v.NodeId == "closed").ExitedAt);
    }

    [Fact]
    public void MigratingOffATimer_OntoAStep_TakesTheStepsStatus_AndDropsTheTimer()
    {
        var builder = new TicketBuilder().From(Template());
        var ticket = builder.Build();
        ticket.StartWorkflow(2, Version2(), builder.Template, TicketFacts.None, Agent, builder.Time);
        ticket.Transition(Version2(), "take->wait", builder.Template, TicketFacts.None, Agent, builder.Time);

        ticket.MigrateWorkflow(3, Version2(), "visit", builder.Time);

        Assert.Equal(("visit", TicketStatus.InProgress, (DateTime?)null), (ticket.CurrentNodeId, ticket.Status, ticket.TimerDueAt));
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
