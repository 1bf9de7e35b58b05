using Scrm.Domain.Templates;

namespace Scrm.Domain.Workflows;

/// <summary>Everything that stops a graph from being published, all at once, each pointing at its node.</summary>
public static class WorkflowValidator
{
    public static IReadOnlyList<WorkflowProblem> Validate(WorkflowGraph graph, TicketTemplate template)
    {
        var problems = new List<WorkflowProblem>();
        void Add(string code, string? nodeId, string? transitionId, params object[] args) => problems.Add(new WorkflowProblem(code, nodeId, transitionId, args));

        if (graph.Nodes.Count > WorkflowGraph.MaxNodes)
        {
            Add("TooManyNodes", null, null, WorkflowGraph.MaxNodes);
        }

        foreach (var id in graph.Nodes.Select(n => n.Id).Concat(graph.Transitions.Select(t => t.Id)).GroupBy(i => i).Where(g => g.Count() > 1))
        {
            Add("DuplicateId", null, null, id.Key);
        }

        var starts = graph.Nodes.Count(n => n.Kind == NodeKind.Start);
        if (starts != 1)
        {
            Add("StartCount", graph.Nodes.FirstOrDefault(n => n.Kind == NodeKind.Start)?.Id, null, starts);
        }

        var nodes = graph.Nodes.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var t in graph.Transitions)
        {
            var hasFrom = nodes.TryGetValue(t.From, out var from);
            if (!hasFrom || !nodes.ContainsKey(t.To))
            {
                Add("DanglingTransition", hasFrom ? t.From : null, t.Id, hasFrom ? t.To : t.From);
            }
            else if (t.From == t.To)
            {
                Add("SelfLoop", t.From, t.Id, from!.Name);
            }
        }

        var valid = graph.Transitions.Where(t => nodes.ContainsKey(t.From) && nodes.ContainsKey(t.To)).ToList();
        var fieldTypes = template.Fields.ToDictionary(f => f.Key, f => f.Type);
        foreach (var node in graph.Nodes)
        {
            CheckNode(node, valid.Where(t => t.From == node.Id).ToList(), template, fieldTypes, Add);
        }

        foreach (var id in Unreachable(graph, valid))
        {
            Add("Unreachable", id, null, nodes[id].Name);
        }

        foreach (var id in AutomaticCycles(nodes, valid))
        {
            Add("AutomaticCycle", id, null, nodes[id].Name);
        }

        foreach (var t in valid.Where(t => t.Guard is not null))
        {
            foreach (var problem in t.Guard!.Validate(template))
            {
                problems.Add(new WorkflowProblem("Guard", t.From, t.Id, [nodes[t.From].Name, problem.Message]) { Detail = problem });
            }
        }

        return problems;
    }

    private static void CheckNode(WorkflowNode node, List<WorkflowTransition> outgoing, TicketTemplate template,
        Dictionary<string, FieldType> fieldTypes, Action<string, string?, string?, object[]> add)
    {
        void Add(string code, params object[] args) => add(code, node.Id, null, args);

        if (string.IsNullOrWhiteSpace(node.Name))
        {
            Add("NameRequired");
        }

        if (node.Kind == NodeKind.End)
        {
            if (outgoing.Count > 0)
            {
                Add("EndHasWayOut", node.Name);
            }

            if (node.Outcome is null)
            {
                Add("EndOutcome", node.Name);
            }

            return;
        }

        if (outgoing.Count == 0)
        {
            Add("NoWayOut", node.Name);
        }
        else if (node.Kind is NodeKind.Start or NodeKind.Timer or NodeKind.Action && outgoing.Count != 1)
        {
            Add("SingleWayOut", node.Name);
        }

        switch (node.Kind)
        {
            case NodeKind.Step or NodeKind.Approval:
                if (node.Actor is null)
                {
                    Add("ActorRequired", node.Name);
                }

                foreach (var t in outgoing.Where(t => string.IsNullOrWhiteSpace(t.Label)))
                {
                    add("LabelRequired", node.Id, t.Id, [node.Name]);
                }

                foreach (var key in node.RequiredFields.Where(k => !fieldTypes.ContainsKey(k)))
                {
                    Add("RequiredFieldMissing", node.Name, key);
                }

                break;
            case NodeKind.Branch:
                var defaults = outgoing.Count(t => t.IsDefault);
                if (defaults == 0)
                {
                    Add("BranchNoDefault", node.Name);
                }
                else if (defaults > 1)
                {
                    Add("BranchManyDefaults", node.Name);
                }

                foreach (var t in outgoing.Where(t => !t.IsDefault && t.Guard is null))
                {
                    add("BranchNeedsCondition", node.Id, t.Id, [node.Name]);
                }

                break;
            case NodeKind.Timer:
                if ((node.WaitMinutes is > 0) == (node.UntilDateField is not null))
                {
                    Add("TimerSetting", node.Name);
                }
                else if (node.UntilDateField is { } key && fieldTypes.GetValueOrDefault(key) is not FieldType.Date)
                {
                    Add("TimerFieldNotDate", node.Name, key);
                }

                break;
            case NodeKind.Action:
                CheckAction(node, template, Add);
                break;
        }
    }

    private static void CheckAction(WorkflowNode node, TicketTemplate template, Action<string, object[]> add)
    {
        switch (node.Action)
        {
            case ActionKind.Notify when string.IsNullOrWhiteSpace(node.Message):
            case null:
                add("ActionSetting", [node.Name]);
                break;
            case ActionKind.SetField:
                var field = node.FieldKey is null ? null : template.FindField(node.FieldKey);
                if (field is null || FieldValues.Normalize(field, node.FieldValue).Error is not null)
                {
                    add("ActionFieldInvalid", [node.Name, node.FieldKey ?? ""]);
                }

                break;
        }
    }

    private static IEnumerable<string> Unreachable(WorkflowGraph graph, List<WorkflowTransition> transitions)
    {
        if (graph.Start is not { } start)
        {
            return [];
        }

        var seen = new HashSet<string> { start.Id };
        var queue = new Queue<string>([start.Id]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var t in transitions.Where(t => t.From == id && seen.Add(t.To)))
            {
                queue.Enqueue(t.To);
            }
        }

        return graph.Nodes.Select(n => n.Id).Distinct().Where(id => !seen.Contains(id));
    }

    /// <summary>Nodes on a cycle made only of automatic nodes (Start, Branch, Action): a ticket would loop forever.</summary>
    private static IEnumerable<string> AutomaticCycles(Dictionary<string, WorkflowNode> nodes, List<WorkflowTransition> transitions)
    {
        var automatic = nodes.Values.Where(n => !n.Kind.Waits()).Select(n => n.Id).ToHashSet();
        var edges = transitions.Where(t => automatic.Contains(t.From) && automatic.Contains(t.To)).ToLookup(t => t.From, t => t.To);
        var onCycle = new HashSet<string>();
        foreach (var start in automatic)
        {
            // A node is on a cycle when it can reach itself through automatic nodes only.
            var seen = new HashSet<string>();
            var stack = new Stack<string>(edges[start]);
            while (stack.TryPop(out var id))
            {
                if (id == start)
                {
                    onCycle.Add(start);
                    break;
                }

                if (seen.Add(id))
                {
                    foreach (var next in edges[id])
                    {
                        stack.Push(next);
                    }
                }
            }
        }

        return onCycle.Order(StringComparer.Ordinal);
    }
}
