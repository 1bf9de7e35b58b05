using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Domain.Workflows;

namespace Scrm.Domain.Tickets;

/// <summary>The workflow interpreter: a ticket walks the graph of the workflow version it started on.</summary>
public sealed partial class Ticket
{
    private readonly List<NodeVisit> _visits = [];

    /// <summary>The workflow version (definition row) the ticket follows; null for tickets without a workflow.</summary>
    public long? WorkflowId { get; private set; }

    public string? CurrentNodeId { get; private set; }

    /// <summary>When the Timer the ticket waits at runs out.</summary>
    public DateTime? TimerDueAt { get; private set; }

    public IReadOnlyCollection<NodeVisit> Visits => _visits;

    /// <summary>Set when a Settle action asked for the ticket to be settled; cleared once settlement books it (待结算).</summary>
    public bool AwaitingSettlement { get; private set; }

    /// <summary>Enters the Start node and runs on to the first node that waits.</summary>
    public void StartWorkflow(long workflowId, WorkflowGraph graph, TicketTemplate template, TicketFacts facts, WorkflowActor actor, TimeProvider time)
    {
        if (WorkflowId is not null)
        {
            throw new DomainException("WorkflowStarted", "The ticket already follows a workflow.");
        }

        var start = graph.Start ?? throw new DomainException("WorkflowNoStart", "The workflow has no Start node.");
        WorkflowId = workflowId;
        Enter(start, time.GetUtcNow().UtcDateTime);
        RunAutomatic(graph, template, facts, actor, time);
    }

    /// <summary>The buttons of the current node, each with whether this actor may press it now and why not.</summary>
    public IReadOnlyList<AvailableTransition> AvailableTransitions(WorkflowGraph graph, TicketTemplate template, TicketFacts facts, WorkflowActor actor, TimeProvider time)
    {
        var node = graph.FindNode(CurrentNodeId);
        if (node is null || !node.Kind.IsHuman())
        {
            return [];
        }

        var context = Context(facts, actor, time);
        var types = FieldTypes(template);
        return graph.Outgoing(node.Id)
            .Select(t => new AvailableTransition(t, Refusal(node, t, actor, context, types, template)))
            .ToList();
    }

    /// <summary>Presses a button: checks who may, the node's required fields and the guard, then moves on.</summary>
    public void Transition(WorkflowGraph graph, string transitionId, TicketTemplate template, TicketFacts facts, WorkflowActor actor, TimeProvider time)
    {
        var node = graph.FindNode(CurrentNodeId) ?? throw new DomainException("WorkflowNotActive", "The ticket is not at a workflow step.");
        var transition = graph.Outgoing(node.Id).FirstOrDefault(t => t.Id == transitionId)
            ?? throw new DomainException("TransitionNotHere", "That action is not available at this step any more; reload the ticket.");
        if (!node.Kind.IsHuman())
        {
            throw new DomainException("TransitionNotHere", "That action is not available at this step any more; reload the ticket.");
        }

        if (Refusal(node, transition, actor, Context(facts, actor, time), FieldTypes(template), template) is { } refusal)
        {
            throw refusal;
        }

        RecordResponse(time.GetUtcNow().UtcDateTime);
        Leave(graph, transition, actor, time);
        RunAutomatic(graph, template, facts, actor, time);
    }

    /// <summary>Moves on from a Timer whose wait is over; does nothing before that.</summary>
    public bool FireTimer(WorkflowGraph graph, TicketTemplate template, TicketFacts facts, TimeProvider time)
    {
        var node = graph.FindNode(CurrentNodeId);
        if (node?.Kind != NodeKind.Timer || TimerDueAt is null || TimerDueAt > time.GetUtcNow().UtcDateTime)
        {
            return false;
        }

        Raise(new TicketTimerFired(this, node.Id));
        if (node.Expiry == TimerExpiry.Escalate)
        {
            Raise(new TicketEscalated(this, node.Id, node.Name));
        }

        Leave(graph, graph.Outgoing(node.Id).Single(), null, time);
        RunAutomatic(graph, template, facts, null, time);
        return true;
    }

    /// <summary>Moves the ticket onto another version of its workflow, at <paramref name="nodeId"/> (a node that waits).</summary>
    public void MigrateWorkflow(long workflowId, WorkflowGraph graph, string nodeId, TimeProvider time)
    {
        var target = graph.FindNode(nodeId);
        if (target is null || !target.Kind.Waits())
        {
            throw new DomainException("MigrationTargetInvalid", $"Tickets can only be moved to a step, approval, timer or end (not \"{nodeId}\").", nodeId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var from = WorkflowId;
        _visits.LastOrDefault(v => v.ExitedAt is null)?.Exit(now, null, "migration");
        WorkflowId = workflowId;
        Enter(target, now);
        Rest(target, time);
        Raise(new TicketMigrated(this, from, workflowId, target.Id));
    }

    private DomainException? Refusal(WorkflowNode node, WorkflowTransition transition, WorkflowActor actor, ConditionContext context,
        IReadOnlyDictionary<string, FieldType> types, TicketTemplate template)
    {
        if (!TicketStatusRules.IsOpen(Status))
        {
            return new DomainException("TicketClosed", $"Ticket {Number} is {Status} and can no longer be edited.", Number, Status);
        }

        if (node.Actor is { } rule && !rule.Allows(actor, AssigneeId, CreatedById))
        {
            return new DomainException("TransitionNotAllowed", $"Only {Describe(rule)} can do \"{transition.Label}\" at {node.Name}.", transition.Label, node.Name);
        }

        // Separation of duties: whoever sent the ticket to an approval never decides it, whatever their role.
        if (node.Kind == NodeKind.Approval && RequesterOfCurrentNode() == actor.UserId)
        {
            return new DomainException("ApproverIsRequester", $"You sent this ticket to {node.Name}: someone else must decide it.", node.Name);
        }

        var missing = node.RequiredFields.Where(k => !context.Fields.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            var labels = string.Join("、", missing.Select(k => template.FindField(k)?.Label ?? k));
            return new DomainException("TransitionFieldsMissing", $"Fill in {labels} before \"{transition.Label}\".", labels, transition.Label)
            {
                Field = missing[0],
            };
        }

        return transition.Guard is { } guard && !guard.Evaluate(context, types)
            ? new DomainException("TransitionGuardFailed", $"\"{transition.Label}\" is not possible for this ticket: its condition does not hold.", transition.Label)
            : null;
    }

    // The last person whose press moved the ticket on before it arrived where it waits now.
    private string? RequesterOfCurrentNode() =>
        _visits.Where(v => v.ExitedAt is not null && v.ExitedById is not null).OrderBy(v => v.ExitedAt).ThenBy(v => v.Id).LastOrDefault()?.ExitedById;

    private static string Describe(ActorRule rule) => rule.Kind switch
    {
        ActorRuleKind.Assignee => "the assigned technician",
        ActorRuleKind.Creator => "the ticket's creator",
        _ => $"a {rule.Role}",
    };

    /// <summary>Runs Start, Branch and Action nodes until the ticket reaches a node that waits.</summary>
    private void RunAutomatic(WorkflowGraph graph, TicketTemplate template, TicketFacts facts, WorkflowActor? actor, TimeProvider time)
    {
        // Publishing refuses automatic cycles; the bound only protects against a graph that skipped validation.
        for (var steps = 0; steps <= graph.Nodes.Count; steps++)
        {
            var node = graph.Node(CurrentNodeId!);
            if (node.Kind.Waits())
            {
                Rest(node, time);
                return;
            }

            var next = node.Kind == NodeKind.Branch
                ? ChooseBranch(graph, node, Context(facts, actor, time), FieldTypes(template))
                : graph.Outgoing(node.Id).Single();
            if (node.Kind == NodeKind.Action)
            {
                RunAction(node, template);
            }

            Leave(graph, next, null, time);
        }

        throw new DomainException("WorkflowLoop", "The workflow runs in a circle without a human step; an admin must fix it.");
    }

    private static WorkflowTransition ChooseBranch(WorkflowGraph graph, WorkflowNode node, ConditionContext context, IReadOnlyDictionary<string, FieldType> types)
    {
        var outgoing = graph.Outgoing(node.Id).ToList();
        return outgoing.FirstOrDefault(t => !t.IsDefault && t.Guard is { } g && g.Evaluate(context, types))
            ?? outgoing.First(t => t.IsDefault);
    }

    private void RunAction(WorkflowNode node, TicketTemplate template)
    {
        switch (node.Action)
        {
            case ActionKind.Notify:
                Raise(new NotificationRequested(this, node.Id, node.Message ?? ""));
                break;
            case ActionKind.Settle:
                Raise(new SettlementRequested(this, node.Id));
                break;
            case ActionKind.SetField when node.FieldKey is not null && template.FindField(node.FieldKey) is { } field:
                var (value, error) = FieldValues.Normalize(field, node.FieldValue);
                if (error is null)
                {
                    SetFieldValue(field.Key, value);
                }

                break;
        }
    }

    private void Leave(WorkflowGraph graph, WorkflowTransition transition, WorkflowActor? actor, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        _visits.LastOrDefault(v => v.ExitedAt is null)?.Exit(now, actor, transition.Label);
        Enter(graph.Node(transition.To), now);
    }

    private void Enter(WorkflowNode node, DateTime at)
    {
        Raise(new TicketNodeEntered(this, CurrentNodeId, node.Id));
        CurrentNodeId = node.Id;
        _visits.Add(new NodeVisit(node, at));
        if (node.Kind == NodeKind.End)
        {
            _visits[^1].Exit(at, null, null);
        }
    }

    /// <summary>Takes the status (and timer) of the node the ticket now waits at, however it got there.</summary>
    private void Rest(WorkflowNode node, TimeProvider time)
    {
        SetStatus(node.StatusWhileHere());
        TimerDueAt = node.Kind == NodeKind.Timer ? DueAt(node, time) : null;
        ForgetTimerFailures();
        Touch(time);
    }

    /// <summary>
    /// Marks the ticket as waiting for settlement (待结算), in the transaction that raised <see cref="SettlementRequested"/>;
    /// already waiting changes nothing.
    /// </summary>
    public void AwaitSettlement()
    {
        if (!AwaitingSettlement)
        {
            AwaitingSettlement = true;
            Raise(new TicketAwaitingSettlement(this));
        }
    }

    /// <summary>Settlement has posted the ticket's completion: it no longer waits (待结算 clears). Not waiting changes nothing.</summary>
    public void MarkSettled()
    {
        if (AwaitingSettlement)
        {
            AwaitingSettlement = false;
            Raise(new TicketSettled(this));
        }
    }

    private DateTime? DueAt(WorkflowNode node, TimeProvider time)
    {
        if (node.WaitMinutes is { } minutes)
        {
            return time.GetUtcNow().UtcDateTime.AddMinutes(minutes);
        }

        return node.UntilDateField is { } key && DateOnly.TryParseExact(FieldValueMap.GetValueOrDefault(key), "yyyy-MM-dd", out var day)
            ? ChinaTime.ToUtc(day.ToDateTime(TimeOnly.MinValue))
            : time.GetUtcNow().UtcDateTime;
    }

    private ConditionContext Context(TicketFacts facts, WorkflowActor? actor, TimeProvider time) =>
        new(FieldValueMap, Urgency, RegionId, facts.RegionTier, facts.CustomerLevel, TemplateId, actor?.Role, time.GetUtcNow().UtcDateTime, facts.ParentRegionId);

    private static Dictionary<string, FieldType> FieldTypes(TicketTemplate template) =>
        template.Fields.ToDictionary(f => f.Key, f => f.Type, StringComparer.Ordinal);
}

/// <summary>A button of the current node; <see cref="Refusal"/> says why this user cannot press it now, if so.</summary>
public sealed record AvailableTransition(WorkflowTransition Transition, DomainException? Refusal)
{
    public bool IsAllowed => Refusal is null;
}
