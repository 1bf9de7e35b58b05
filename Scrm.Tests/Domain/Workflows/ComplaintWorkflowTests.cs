using Scrm.Data.Seed;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Workflows;

/// <summary>The seeded complaint workflow: only an urgent complaint with a small refund skips the supervisor's approval.</summary>
public sealed class ComplaintWorkflowTests
{
    // The agent who raised the ticket, pressing its buttons.
    private static readonly WorkflowActor RaisingAgent = new(TicketBuilder.CreatorId, "张敏", Role.Agent);

    [Theory]
    [InlineData(Urgency.Urgent, "9999", "approve")]
    [InlineData(Urgency.Urgent, "500.01", "approve")]
    [InlineData(Urgency.Urgent, "500", "followup")]
    [InlineData(Urgency.Urgent, "300", "followup")]
    [InlineData(Urgency.Normal, "300", "approve")]
    public void ARefund_SkipsTheApproval_OnlyWhenUrgentAndAtMost500(Urgency urgency, string refund, string waitsAt)
    {
        var (ticket, _) = RefundHandled(urgency, refund);

        Assert.Equal(waitsAt, ticket.CurrentNodeId);
    }

    [Fact]
    public void TheAgentWhoRaisedTheRefund_CannotApproveIt()
    {
        var (ticket, builder) = RefundHandled(Urgency.Urgent, "9999");

        var refused = Assert.Throws<DomainException>(() =>
            ticket.Transition(DemoWorkflows.Complaint(), "approve->pay", builder.Template, TicketFacts.None, RaisingAgent, builder.Time));

        Assert.Equal("TransitionNotAllowed", refused.Code);
        Assert.Equal("approve", ticket.CurrentNodeId);
    }

    [Fact]
    public void ASupervisorWhoSentTheRefundToApproval_CannotApproveIt_AnotherSupervisorCan()
    {
        var raising = new WorkflowActor("supervisor-li", "李娜", Role.Supervisor);
        var other = new WorkflowActor("supervisor-zhou", "周婷", Role.Supervisor);
        var (ticket, builder) = RefundHandled(Urgency.Normal, "800", raising);

        var refused = Assert.Throws<DomainException>(() =>
            ticket.Transition(DemoWorkflows.Complaint(), "approve->pay", builder.Template, TicketFacts.None, raising, builder.Time));
        ticket.Transition(DemoWorkflows.Complaint(), "approve->pay", builder.Template, TicketFacts.None, other, builder.Time);

        Assert.Equal(("ApproverIsRequester", "退款审批"), (refused.Code, (string)refused.Args.Single()));
        Assert.Equal("followup", ticket.CurrentNodeId);
    }

    // A complaint ticket walked by the agent who raised it (or <paramref name="by"/>) up to the refund decision.
    private static (Ticket Ticket, TicketBuilder Builder) RefundHandled(Urgency urgency, string refund, WorkflowActor? by = null)
    {
        var actor = by ?? RaisingAgent;
        var builder = new TicketBuilder().From(DemoWorkflows.ComplaintTemplate()).WithUrgency(urgency)
            .WithField("complaint_type", "收费争议").WithField("contact_phone", "13800138000")
            .WithField("handling_result", "已向客户致歉").WithField("need_refund", "true").WithField("refund_amount", refund);
        var ticket = builder.Build();
        var graph = DemoWorkflows.Complaint();
        ticket.StartWorkflow(2, graph, builder.Template, TicketFacts.None, actor, builder.Time);
        ticket.Transition(graph, "triage->handle", builder.Template, TicketFacts.None, actor, builder.Time);
        ticket.Transition(graph, "handle->refund", builder.Template, TicketFacts.None, actor, builder.Time);
        return (ticket, builder);
    }
}
