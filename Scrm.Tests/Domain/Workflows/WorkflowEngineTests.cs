using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Xunit;
using static Scrm.Tests.Domain.Workflows.WorkflowFixtures;

namespace Scrm.Tests.Domain.Workflows;

public sealed class WorkflowEngineTests
{
    private static (Ticket Ticket, TicketBuilder Builder) Started(Urgency urgency = Urgency.Normal, WorkflowGraph? graph = null)
    {
        var builder = new TicketBuilder().From(Template()).WithUrgency(urgency).AssignedTo(Technician.UserId);
        var ticket = builder.Build();
        ticket.StartWorkflow(7, graph ?? Repair(), builder.Template, TicketFacts.None, Agent, builder.Time);
        return (ticket, builder);
    }

    /// <summary>What the workflow asked others to act on (notify, settle, escalate), among all the ticket's events.</summary>
    private static List<TicketEvent> Requests(Ticket ticket) =>
        ticket.DomainEvents.OfType<TicketEvent>().Where(e => e is NotificationRequested or SettlementRequested or TicketEscalated).ToList();

    private static void Press(Ticket ticket, TicketBuilder builder, string transitionId, WorkflowActor actor, WorkflowGraph? graph = null) =>
        ticket.Transition(graph ?? Repair(), transitionId, builder.Template, TicketFacts.None, actor, builder.Time);

    [Fact]
    public void Start_RunsOnToTheFirstStep_AndTakesItsStatus()
    {
        var (ticket, _) = Started();

        Assert.Equal("accept", ticket.CurrentNodeId);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(7, ticket.WorkflowId);
        Assert.Equal(["start", "accept"], ticket.Visits.Select(v => v.NodeId));
    }

    [Fact]
    public void Branch_SendsUrgentTicketsPastTheApproval()
    {
        var (ticket, builder) = Started(Urgency.Urgent);

        Press(ticket, builder, "accept->urgent", Agent);

        Assert.Equal("visit", ticket.CurrentNodeId);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void Branch_SendsOtherTicketsToApproval_ThenActionRunsAndRaisesItsEvent()
    {
        var (ticket, builder) = Started(Urgency.Normal);

        Press(ticket, builder, "accept->urgent", Agent);
        Assert.Equal("approve", ticket.CurrentNodeId);
        Assert.Equal(TicketStatus.OnHold, ticket.Status);

        Press(ticket, builder, "approve->notify", Supervisor);

        Assert.Equal("visit", ticket.CurrentNodeId);
        var notice = Assert.IsType<NotificationRequested>(Assert.Single(Requests(ticket)));
        Assert.Equal("请尽快上门", notice.Message);
        Assert.Equal(["start", "accept", "urgent", "approve", "notify", "visit"], ticket.Visits.Select(v => v.NodeId));
    }

    [Fact]
    public void Transition_IsRefused_WhenTheActorMayNotAct()
    {
        var (ticket, builder) = Started(Urgency.Normal);
        Press(ticket, builder, "accept->urgent", Agent);

        var refused = Assert.Throws<DomainException>(() => Press(ticket, builder, "approve->notify", Agent));

        Assert.Equal("TransitionNotAllowed", refused.Code);
        Assert.Equal("approve", ticket.CurrentNodeId);
    }

    [Fact]
    public void Transition_IsRefused_UntilTheNodesRequiredFieldsAreFilled()
    {
        var (ticket, builder) = Started(Urgency.Urgent);
        Press(ticket, builder, "accept->urgent", Agent);

        var refused = Assert.Throws<DomainException>(() => Press(ticket, builder, "visit->done", Technician));
        Assert.Equal(("TransitionFieldsMissing", TemplateBuilder.Note), (refused.Code, refused.Field));

        ticket.Edit(builder.Template, builder.Details, new Dictionary<string, string?> { [TemplateBuilder.Note] = "换了压缩机" }, builder.Time);
        Press(ticket, builder, "visit->done", Technician);

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.NotNull(ticket.Visits.Last().ExitedAt);
    }

    [Fact]
    public void Transition_IsRefused_WhenItsGuardDoesNotHold()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始").Step("work", "处理", ActorRule.Desk).End("end", "结束", EndOutcome.Closed)
            .Link("start", "work").Link("work", "end", "紧急结案", UrgencyIs(Urgency.Urgent))
            .Build();
        var (ticket, builder) = Started(Urgency.Low, graph);

        var refused = Assert.Throws<DomainException>(() => Press(ticket, builder, "work->end", Agent, graph));
        var offered = ticket.AvailableTransitions(graph, builder.Template, TicketFacts.None, Agent, builder.Time);

        Assert.Equal("TransitionGuardFailed", refused.Code);
        Assert.False(Assert.Single(offered).IsAllowed);
    }

    [Fact]
    public void AvailableTransitions_AreTheCurrentNodesButtonsInOrder()
    {
        var (ticket, builder) = Started(Urgency.Normal);
        Press(ticket, builder, "accept->urgent", Agent);

        var offered = ticket.AvailableTransitions(Repair(), builder.Template, TicketFacts.None, Supervisor, builder.Time);

        Assert.Equal(["批准", "驳回"], offered.Select(o => o.Transition.Label));
        Assert.All(offered, o => Assert.True(o.IsAllowed));
    }

    [Fact]
    public void Visits_RecordEnterAndExitTimes_AndWhoMovedTheTicketOn()
    {
        var (ticket, builder) = Started(Urgency.Urgent);
        builder.Time.Advance(TimeSpan.FromMinutes(45));

        Press(ticket, builder, "accept->urgent", Agent);

        var accept = ticket.Visits.Single(v => v.NodeId == "accept");
        Assert.Equal(accept.EnteredAt.AddMinutes(45), accept.ExitedAt);
        Assert.Equal(("张敏", "受理"), (accept.ExitedByName, accept.ExitedVia));
        Assert.Null(ticket.Visits.Single(v => v.NodeId == "visit").ExitedAt);
    }

    [Fact]
    public void Timer_WaitsUntilDue_ThenGoesOnAndEscalates()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始").Timer("wait", "24小时倒计时", 24 * 60, TimerExpiry.Escalate).Step("work", "处理", ActorRule.Desk)
            .End("end", "结束", EndOutcome.Closed)
            .Link("start", "wait").Link("wait", "work").Link("work", "end", "完成")
            .Build();
        var (ticket, builder) = Started(Urgency.Normal, graph);
        Assert.Equal(("wait", TicketStatus.OnHold), (ticket.CurrentNodeId, ticket.Status));

        builder.Time.Advance(TimeSpan.FromHours(23));
        Assert.False(ticket.FireTimer(graph, builder.Template, TicketFacts.None, builder.Time));

        builder.Time.Advance(TimeSpan.FromHours(1));
        Assert.True(ticket.FireTimer(graph, builder.Template, TicketFacts.None, builder.Time));
        Assert.Equal("work", ticket.CurrentNodeId);
        Assert.Equal("wait", Assert.IsType<TicketEscalated>(Assert.Single(Requests(ticket))).NodeId);
    }

    [Fact]
    public void SetFieldAction_WritesTheCanonicalValue()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始").Action("set", "设数量", ActionKind.SetField, fieldKey: TemplateBuilder.Quantity, fieldValue: "3.50")
            .Step("work", "处理", ActorRule.Desk).End("end", "结束", EndOutcome.Closed)
            .Link("start", "set").Link("set", "work").Link("work", "end", "完成")
            .Build();

        var (ticket, _) = Started(Urgency.Normal, graph);

        Assert.Equal("3.5", ticket.FieldValueMap[TemplateBuilder.Quantity]);
    }

    [Fact]
    public void ManualStatusChange_IsRefused_ForWorkflowTickets()
    {
        var (ticket, builder) = Started();

        var refused = Assert.Throws<DomainException>(() => ticket.ChangeStatus(TicketStatus.InProgress, builder.Time));

        Assert.Equal("WorkflowDrivesStatus", refused.Code);
    }

    [Fact]
    public void AssigningAWorkflowTicketStillWaitingAtItsFirstStep_KeepsTheStepsStatus()
    {
        var builder = new TicketBuilder().From(Template()).WithUrgency(Urgency.Normal);
        var ticket = builder.Build();
        ticket.StartWorkflow(7, Repair(), builder.Template, TicketFacts.None, Agent, builder.Time);

        ticket.Edit(builder.Template, builder.Details with { AssigneeId = "tech-1" }, new Dictionary<string, string?>(), builder.Time);

        Assert.Equal(("accept", TicketStatus.New), (ticket.CurrentNodeId, ticket.Status));
    }
}
