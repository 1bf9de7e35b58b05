using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Tests.Builders;

namespace Scrm.Tests.Domain.Workflows;

/// <summary>Graphs and people shared by the workflow tests.</summary>
internal static class WorkflowFixtures
{
    public static readonly WorkflowActor Agent = new("agent-1", "张敏", Role.Agent);
    public static readonly WorkflowActor Technician = new("tech-1", "赵强", Role.Technician);
    public static readonly WorkflowActor Supervisor = new("sup-1", "李娜", Role.Supervisor);

    public static ConditionGroup UrgencyIs(Urgency urgency) =>
        ConditionGroup.All(new Condition(ConditionSubject.Of(BuiltInSubject.Urgency), ConditionOperator.Equals, [urgency.ToString()]));

    /// <summary>
    /// start → accept (desk) —[受理]→ urgent? (branch: Urgent → visit, default → approve) ;
    /// approve (supervisor) —[批准]→ notify (action) → visit ; —[驳回]→ rejected (end, cancelled) ;
    /// visit (assignee, requires Note) —[完工]→ done (end, resolved).
    /// </summary>
    public static WorkflowGraph Repair() => new WorkflowGraphBuilder()
        .Start("start", "开始")
        .Step("accept", "受理", ActorRule.Desk, TicketStatus.New)
        .Branch("urgent", "是否紧急")
        .Approval("approve", "主管审批", ActorRule.Supervisors)
        .Action("notify", "通知师傅", ActionKind.Notify, message: "请尽快上门")
        .Step("visit", "上门", ActorRule.Assigned, TicketStatus.InProgress, null, TemplateBuilder.Note)
        .End("done", "完成", EndOutcome.Resolved)
        .End("rejected", "驳回", EndOutcome.Cancelled)
        .Link("start", "accept")
        .Link("accept", "urgent", "受理")
        .Link("urgent", "visit", "紧急", UrgencyIs(Urgency.Urgent))
        .Link("urgent", "approve", "其他", isDefault: true)
        .Link("approve", "notify", "批准")
        .Link("approve", "rejected", "驳回")
        .Link("notify", "visit")
        .Link("visit", "done", "完工")
        .Build();

    public static TicketTemplate Template() => new TemplateBuilder().WithoutRule().Build();
}
