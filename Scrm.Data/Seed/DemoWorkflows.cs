using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;

namespace Scrm.Data.Seed;

/// <summary>The demo company's workflows: installation, and complaint handling with approval for refunds.</summary>
public static class DemoWorkflows
{
    /// <summary>受理 → 派单 → 上门 → 完工确认 → 结算 → 回访.</summary>
    public static WorkflowGraph Installation() => new WorkflowGraphBuilder()
        .Start("start", "开始")
        .Step("accept", "受理", ActorRule.Desk, TicketStatus.New, slaMinutes: 60)
        .Step("dispatch", "派单", ActorRule.Desk, TicketStatus.New, 4 * 60, "appointment")
        .Step("visit", "上门", ActorRule.Assigned, TicketStatus.InProgress, 48 * 60)
        .Step("confirm", "完工确认", ActorRule.Desk, TicketStatus.Resolved, 24 * 60)
        .Action("settle", "结算", ActionKind.Settle)
        .Step("followup", "回访", ActorRule.Desk, TicketStatus.Resolved, 72 * 60)
        .End("closed", "已完成", EndOutcome.Closed)
        .End("cancelled", "已取消", EndOutcome.Cancelled)
        .Link("start", "accept")
        .Link("accept", "dispatch", "受理")
        .Link("accept", "cancelled", "取消")
        .Link("dispatch", "visit", "派单")
        .Link("visit", "confirm", "完工")
        .Link("confirm", "settle", "确认完工")
        .Link("confirm", "visit", "返工")
        .Link("settle", "followup")
        .Link("followup", "closed", "回访完成")
        .Build();

    /// <summary>
    /// 受理投诉 → 处理投诉 (24-hour countdown) → refund? → a supervisor approves it, unless the complaint is urgent and the refund
    /// at most ¥500 → 退款 → 回访 → a 24-hour window for the customer to object → closed. The bound keeps separation of duties:
    /// the agent who raises a refund cannot send a large one to finance by marking the ticket urgent.
    /// </summary>
    public static WorkflowGraph Complaint() => WaitingOnTheCustomer(new WorkflowGraphBuilder()
        .Start("start", "开始")
        .Step("triage", "受理投诉", ActorRule.Desk, TicketStatus.New, slaMinutes: 60)
        .Step("handle", "处理投诉", ActorRule.Desk, TicketStatus.InProgress, 24 * 60, "handling_result")
        .Branch("refund", "是否退款")
        .Branch("urgent", "是否免审批")
        .Approval("approve", "退款审批", ActorRule.Supervisors, slaMinutes: 8 * 60)
        .Action("pay", "通知财务退款", ActionKind.Notify, message: "请为该投诉工单办理退款")
        .Step("followup", "回访", ActorRule.Desk, TicketStatus.Resolved, 24 * 60)
        .Timer("objection", "客户异议期", 24 * 60, TimerExpiry.Continue)
        .End("closed", "已结案", EndOutcome.Closed)
        .Link("start", "triage")
        .Link("triage", "handle", "开始处理")
        .Link("handle", "refund", "处理完成")
        .Link("refund", "urgent", "需要退款", ConditionGroup.All(new Condition(ConditionSubject.Field("need_refund"), ConditionOperator.IsNotEmpty, [])))
        .Link("refund", "followup", "无需退款", isDefault: true)
        .Link("urgent", "pay", "紧急且≤500元", ConditionGroup.All(
            new Condition(ConditionSubject.Of(BuiltInSubject.Urgency), ConditionOperator.Equals, [nameof(Urgency.Urgent)]),
            new Condition(ConditionSubject.Field("refund_amount"), ConditionOperator.LessOrEqual, ["500.00"])))
        .Link("urgent", "approve", "需审批", isDefault: true)
        .Link("approve", "pay", "批准")
        .Link("approve", "followup", "驳回")
        .Link("pay", "followup")
        .Link("followup", "objection", "回访完成")
        .Link("objection", "closed")
        .Build(), "objection");

    /// <summary>Marks nodes where the ticket waits on the customer, so its SLA clock stands still there.</summary>
    private static WorkflowGraph WaitingOnTheCustomer(WorkflowGraph graph, params string[] nodeIds) =>
        graph with { Nodes = graph.Nodes.Select(n => nodeIds.Contains(n.Id) ? n with { WaitsOnCustomer = true } : n).ToList() };

    /// <summary>投诉工单: the complaint template the complaint workflow runs on.</summary>
    public static TicketTemplate ComplaintTemplate()
    {
        var complaint = new TicketTemplate("投诉工单", "客户投诉：24 小时内处理；退款需主管审批，紧急且不超过 500 元的除外。");
        complaint.AddField("complaint_type", "投诉类型", FieldType.Dropdown, isRequired: true, options: ["服务态度", "上门超时", "安装质量", "收费争议", "其他"]);
        complaint.AddField("contact_phone", "联系电话", FieldType.Phone, isRequired: true);
        complaint.AddField("related_order", "相关订单号", FieldType.OrderLink);
        complaint.AddField("handling_result", "处理结果", FieldType.Multiline, helpText: "离开“处理投诉”前必填");
        complaint.AddField("need_refund", "需要退款", FieldType.Checkbox);
        complaint.AddField("refund_amount", "退款金额", FieldType.Money, min: 0, max: 10000);
        complaint.AddRule("need_refund", ConditionOperator.IsNotEmpty, null, "refund_amount");
        return complaint;
    }
}
