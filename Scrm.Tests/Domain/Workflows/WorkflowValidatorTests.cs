using Scrm.Domain.Conditions;
using Scrm.Domain.Workflows;
using Xunit;
using static Scrm.Tests.Domain.Workflows.WorkflowFixtures;

namespace Scrm.Tests.Domain.Workflows;

public sealed class WorkflowValidatorTests
{
    private static IReadOnlyList<WorkflowProblem> Validate(WorkflowGraph graph) => WorkflowValidator.Validate(graph, Template());

    private static WorkflowGraph Without(WorkflowGraph graph, string transitionId) =>
        graph with { Transitions = graph.Transitions.Where(t => t.Id != transitionId).ToList() };

    [Fact]
    public void ValidGraph_HasNoProblems()
    {
        Assert.Empty(Validate(Repair()));
    }

    [Fact]
    public void ListsEveryProblemAtOnce_WithTheNodeItConcerns()
    {
        var graph = Repair();
        graph = Without(Without(graph, "urgent->approve"), "visit->done") with
        {
            Nodes = [.. graph.Nodes, new WorkflowNode { Id = "island", Kind = NodeKind.Step, Name = "孤岛", Actor = ActorRule.Desk }],
        };

        var problems = Validate(graph);

        Assert.Contains(problems, p => p.Code == "BranchNoDefault" && p.NodeId == "urgent");
        Assert.Contains(problems, p => p.Code == "NoWayOut" && p.NodeId == "visit");
        Assert.Contains(problems, p => p.Code == "Unreachable" && p.NodeId == "island");
        Assert.Contains(problems, p => p.Code == "Unreachable" && p.NodeId == "approve");
    }

    [Fact]
    public void NeedsExactlyOneStart()
    {
        var graph = Repair();
        var twoStarts = graph with { Nodes = [.. graph.Nodes, new WorkflowNode { Id = "start2", Kind = NodeKind.Start, Name = "又一个开始" }] };

        Assert.Contains(Validate(twoStarts), p => p.Code == "StartCount");
        Assert.Contains(Validate(graph with { Nodes = graph.Nodes.Where(n => n.Id != "start").ToList() }), p => p.Code == "StartCount");
    }

    [Fact]
    public void DanglingTransition_IsReported()
    {
        var graph = Repair();
        graph = graph with { Transitions = [.. graph.Transitions, new WorkflowTransition { Id = "t-x", From = "visit", To = "nowhere", Label = "去哪" }] };

        Assert.Contains(Validate(graph), p => p.Code == "DanglingTransition" && p.TransitionId == "t-x");
    }

    [Fact]
    public void CycleOfAutomaticNodes_IsReported()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始")
            .Branch("a", "判断A").Action("b", "通知", ActionKind.Notify, "hi")
            .Step("s", "处理", ActorRule.Desk).End("end", "结束", EndOutcome.Closed)
            .Link("start", "a")
            .Link("a", "b", "", UrgencyIs(Scrm.Domain.Tickets.Urgency.Low))
            .Link("a", "s", "", isDefault: true)
            .Link("b", "a")
            .Link("s", "end", "完成")
            .Build();

        var problems = Validate(graph);

        Assert.Contains(problems, p => p.Code == "AutomaticCycle" && p.NodeId == "a");
        Assert.Contains(problems, p => p.Code == "AutomaticCycle" && p.NodeId == "b");
    }

    [Fact]
    public void CycleThroughAHumanStep_IsAllowed()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始").Step("work", "处理", ActorRule.Desk).Step("check", "复核", ActorRule.Supervisors).End("end", "结束", EndOutcome.Closed)
            .Link("start", "work").Link("work", "check", "提交").Link("check", "work", "退回").Link("check", "end", "通过")
            .Build();

        Assert.Empty(Validate(graph));
    }

    [Fact]
    public void BranchWayWithoutCondition_AndButtonWithoutLabel_AreReported()
    {
        var graph = Repair();
        graph = graph with
        {
            Transitions = graph.Transitions.Select(t => t.Id switch
            {
                "urgent->visit" => t with { Guard = null },
                "accept->urgent" => t with { Label = " " },
                _ => t,
            }).ToList(),
        };

        var problems = Validate(graph);

        Assert.Contains(problems, p => p.Code == "BranchNeedsCondition" && p.TransitionId == "urgent->visit");
        Assert.Contains(problems, p => p.Code == "LabelRequired" && p.TransitionId == "accept->urgent");
    }

    [Fact]
    public void RequiredFieldTheTemplateLacks_IsReported()
    {
        var graph = Repair();
        graph = graph with { Nodes = graph.Nodes.Select(n => n.Id == "visit" ? n with { RequiredFields = ["deleted_field"] } : n).ToList() };

        Assert.Contains(Validate(graph), p => p.Code == "RequiredFieldMissing" && p.NodeId == "visit");
    }

    [Fact]
    public void TimerAndActionSettings_AreChecked()
    {
        var graph = new WorkflowGraphBuilder()
            .Start("start", "开始").Timer("wait", "等待", 0).Action("set", "改字段", ActionKind.SetField, fieldKey: Scrm.Tests.Builders.TemplateBuilder.Quantity, fieldValue: "many")
            .End("end", "结束", EndOutcome.Closed)
            .Link("start", "wait").Link("wait", "set").Link("set", "end")
            .Build();

        var problems = Validate(graph);

        Assert.Contains(problems, p => p.Code == "TimerSetting" && p.NodeId == "wait");
        Assert.Contains(problems, p => p.Code == "ActionFieldInvalid" && p.NodeId == "set");
    }

    [Fact]
    public void EndWithAWayOut_IsReported()
    {
        var graph = Repair();
        graph = graph with { Transitions = [.. graph.Transitions, new WorkflowTransition { Id = "t-back", From = "done", To = "visit", Label = "重开" }] };

        Assert.Contains(Validate(graph), p => p.Code == "EndHasWayOut" && p.NodeId == "done");
    }

    [Fact]
    public void GuardOnADeletedField_AndAnOperatorThatDoesNotFitTheType_AreReported()
    {
        var graph = Repair();
        var onDeletedField = ConditionGroup.All(Condition.OnField("deleted_field", ConditionOperator.Equals, "x"));
        var wrongOperator = ConditionGroup.All(Condition.OnField(Scrm.Tests.Builders.TemplateBuilder.Quantity, ConditionOperator.Contains, "3"));
        graph = graph with
        {
            Transitions = graph.Transitions.Select(t => t.Id switch
            {
                "urgent->visit" => t with { Guard = onDeletedField },
                "visit->done" => t with { Guard = wrongOperator },
                _ => t,
            }).ToList(),
        };

        var problems = Validate(graph);

        Assert.Contains(problems, p => p.Code == "Guard" && p.TransitionId == "urgent->visit" && p.NodeId == "urgent");
        Assert.Contains(problems, p => p.Code == "Guard" && p.TransitionId == "visit->done");
    }
}
