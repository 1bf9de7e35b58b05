namespace Scrm.Domain.Workflows;

/// <summary>
/// A layered layout, left to right: loops back are set aside, each node's column is its longest path from Start, and a
/// few barycenter sweeps order each column to cut crossings. Columns are aligned and the gaps between them hold no node,
/// so a link between neighbouring columns never crosses a node, and a gap is wide enough for the widest link label.
/// </summary>
public static class WorkflowLayout
{
    /// <summary>The size the designer draws a node (see .wf-node in app.css).</summary>
    public const double NodeWidth = 180;
    public const double NodeHeight = 64;

    public const double Margin = 40;
    private const double RowGap = 48;
    private const double MinColumnGap = 100;

    /// <summary>The same graph with every node placed.</summary>
    public static WorkflowGraph Arrange(WorkflowGraph graph)
    {
        if (graph.Nodes.Count == 0)
        {
            return graph;
        }

        var ids = graph.Nodes.Select(n => n.Id).ToList();
        var forward = ForwardEdges(graph);
        var layer = Layers(ids, forward);
        var columns = ids.GroupBy(id => layer[id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        OrderColumns(columns, forward);

        var gap = Math.Max(MinColumnGap, graph.Transitions.Select(t => LabelWidth(t.Label, t.Guard is not null)).DefaultIfEmpty(0).Max() + 48);
        var tallest = columns.Max(c => c.Count);
        var position = new Dictionary<string, (double X, double Y)>();
        for (var c = 0; c < columns.Count; c++)
        {
            var offset = (tallest - columns[c].Count) * (NodeHeight + RowGap) / 2;
            for (var row = 0; row < columns[c].Count; row++)
            {
                position[columns[c][row]] = (Margin + (c * (NodeWidth + gap)), Margin + offset + (row * (NodeHeight + RowGap)));
            }
        }

        return graph with { Nodes = graph.Nodes.Select(n => n with { X = position[n.Id].X, Y = position[n.Id].Y }).ToList() };
    }

    /// <summary>
    /// Roughly how wide the designer draws a link label (12 px text, 8 px padding each side); a guard adds " · 条件".
    /// </summary>
    public static double LabelWidth(string label, bool guarded) =>
        label.Length == 0 && !guarded ? 0 : 16 + label.Sum(ch => ch < 0x2E80 ? 7.0 : 12.0) + (guarded ? 40 : 0);

    // Depth-first from Start, successors in button order: an edge to a node still on the path is a loop back.
    private static List<(string From, string To)> ForwardEdges(WorkflowGraph graph)
    {
        var state = new Dictionary<string, int>();
        var forward = new List<(string, string)>();
        void Visit(string id)
        {
            state[id] = 1;
            foreach (var to in graph.Outgoing(id).Select(t => t.To).Where(to => to != id && graph.FindNode(to) is not null).Distinct())
            {
                var s = state.GetValueOrDefault(to);
                if (s != 1)
                {
                    forward.Add((id, to));
                }

                if (s == 0)
                {
                    Visit(to);
                }
            }

            state[id] = 2;
        }

        foreach (var node in graph.Nodes.OrderBy(n => n.Kind == NodeKind.Start ? 0 : 1))
        {
            if (!state.ContainsKey(node.Id))
            {
                Visit(node.Id);
            }
        }

        return forward;
    }

    private static Dictionary<string, int> Layers(List<string> ids, List<(string From, string To)> forward)
    {
        var layer = ids.ToDictionary(id => id, _ => 0);
        var indegree = ids.ToDictionary(id => id, id => forward.Count(e => e.To == id));
        var queue = new Queue<string>(ids.Where(id => indegree[id] == 0));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            foreach (var (_, to) in forward.Where(e => e.From == id))
            {
                layer[to] = Math.Max(layer[to], layer[id] + 1);
                if (--indegree[to] == 0)
                {
                    queue.Enqueue(to);
                }
            }
        }

        return layer;
    }

    // Sweeps right by the average row of each node's predecessors, then left by its successors'.
    private static void OrderColumns(List<List<string>> columns, List<(string From, string To)> forward)
    {
        // A node's row as drawn: shorter columns are centred.
        var tallest = columns.Max(c => c.Count);
        var row = columns.SelectMany(c => c.Select((id, i) => (id, Row: i + ((tallest - c.Count) / 2.0)))).ToDictionary(p => p.id, p => p.Row);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            var rightward = sweep % 2 == 0;
            foreach (var column in rightward ? columns : Enumerable.Reverse(columns))
            {
                var key = column.ToDictionary(id => id, id =>
                {
                    var neighbours = rightward
                        ? forward.Where(e => e.To == id).Select(e => row[e.From])
                        : forward.Where(e => e.From == id).Select(e => row[e.To]);
                    return neighbours.DefaultIfEmpty(row[id]).Average();
                });
                var ordered = column.OrderBy(id => key[id]).ThenBy(id => row[id]).ToList();
                column.Clear();
                column.AddRange(ordered);
                for (var i = 0; i < column.Count; i++)
                {
                    row[column[i]] = i + ((tallest - column.Count) / 2.0);
                }
            }
        }
    }
}
