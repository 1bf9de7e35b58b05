namespace Scrm.Domain.Workflows;

/// <summary>
/// A layered layout, top down (a workflow reads like an approval flow in 钉钉 or 飞书, and a long one still fits a
/// canvas that is wider than tall only when zoomed out far): loops back are set aside, each node's row is its longest
/// path from Start, and a few barycenter sweeps order each row to cut crossings. Rows are aligned and the gaps between
/// them hold no node, so a link between neighbouring rows never crosses a node; nodes in a row stand far enough apart
/// that the labels of links fanning out to them do not touch.
/// </summary>
public static class WorkflowLayout
{
    /// <summary>The size the designer draws a node (see .wf-node in app.css).</summary>
    public const double NodeWidth = 180;
    public const double NodeHeight = 64;

    public const double Margin = 40;

    /// <summary>Room between rows for a link's two stubs and its label.</summary>
    public const double RowGap = 60;
    private const double MinNodeGap = 60;

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
        var rows = ids.GroupBy(id => layer[id]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        OrderRows(rows, forward);

        // Links fanning out from one node to neighbours in a row have their labels halfway: half a node pitch apart.
        var widestLabel = graph.Transitions.Select(t => LabelWidth(t.Label, t.Guard is not null)).DefaultIfEmpty(0).Max();
        var gap = Math.Max(MinNodeGap, (2 * widestLabel) - NodeWidth + 16);
        var widest = rows.Max(r => r.Count);
        var position = new Dictionary<string, (double X, double Y)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var offset = (widest - rows[r].Count) * (NodeWidth + gap) / 2;
            for (var i = 0; i < rows[r].Count; i++)
            {
                position[rows[r][i]] = (Margin + offset + (i * (NodeWidth + gap)), Margin + (r * (NodeHeight + RowGap)));
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

    // Sweeps down by the average place of each node's predecessors, then up by its successors'.
    private static void OrderRows(List<List<string>> rows, List<(string From, string To)> forward)
    {
        // A node's place as drawn: shorter rows are centred.
        var widest = rows.Max(r => r.Count);
        var place = rows.SelectMany(r => r.Select((id, i) => (id, Place: i + ((widest - r.Count) / 2.0)))).ToDictionary(p => p.id, p => p.Place);
        for (var sweep = 0; sweep < 4; sweep++)
        {
            var downward = sweep % 2 == 0;
            foreach (var row in downward ? rows : Enumerable.Reverse(rows))
            {
                var key = row.ToDictionary(id => id, id =>
                {
                    var neighbours = downward
                        ? forward.Where(e => e.To == id).Select(e => place[e.From])
                        : forward.Where(e => e.From == id).Select(e => place[e.To]);
                    return neighbours.DefaultIfEmpty(place[id]).Average();
                });
                var ordered = row.OrderBy(id => key[id]).ThenBy(id => place[id]).ToList();
                row.Clear();
                row.AddRange(ordered);
                for (var i = 0; i < row.Count; i++)
                {
                    place[row[i]] = i + ((widest - row.Count) / 2.0);
                }
            }
        }
    }
}
