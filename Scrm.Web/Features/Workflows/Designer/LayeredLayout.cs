using Blazor.Diagrams;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>
/// A small layered layout, left to right: back edges of loops are ignored, each node's layer is its longest path from
/// Start, End nodes go last, and a few barycenter sweeps order each layer to cut crossings.
/// </summary>
public static class LayeredLayout
{
    public const double NodeWidth = 180;
    public const double NodeHeight = 64;

    public static void Apply(BlazorDiagram diagram, double gapX = 80, double gapY = 40)
    {
        var nodes = diagram.Nodes.OfType<DesignerNode>().ToList();
        if (nodes.Count == 0)
        {
            return;
        }

        var edges = diagram.Links.OfType<DesignerLink>()
            .Where(l => l.From is not null && l.To is not null && l.From != l.To)
            .Select(l => (From: l.From!, To: l.To!)).Distinct().ToList();
        var dag = WithoutBackEdges(nodes, edges);

        var layer = nodes.ToDictionary(n => n, _ => 0);
        var indegree = nodes.ToDictionary(n => n, n => dag.Count(e => e.To == n));
        var queue = new Queue<DesignerNode>(nodes.Where(n => indegree[n] == 0));
        while (queue.Count > 0)
        {
            var n = queue.Dequeue();
            foreach (var (_, to) in dag.Where(e => e.From == n))
            {
                layer[to] = Math.Max(layer[to], layer[n] + 1);
                if (--indegree[to] == 0)
                {
                    queue.Enqueue(to);
                }
            }
        }

        var last = layer.Values.Max();
        foreach (var end in nodes.Where(n => n.Kind == NodeKind.End))
        {
            layer[end] = last;
        }

        var layers = nodes.GroupBy(n => layer[n]).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var index = new Dictionary<DesignerNode, double>();
        for (var sweep = 0; sweep < 4; sweep++)
        {
            foreach (var l in layers)
            {
                if (sweep > 0)
                {
                    l.Sort((a, b) => Barycenter(a).CompareTo(Barycenter(b)));
                }

                for (var i = 0; i < l.Count; i++)
                {
                    index[l[i]] = i;
                }
            }
        }

        double Barycenter(DesignerNode n)
        {
            var preds = dag.Where(e => e.To == n && index.ContainsKey(e.From)).Select(e => index[e.From]).ToList();
            return preds.Count == 0 ? index.GetValueOrDefault(n) : preds.Average();
        }

        var tallest = layers.Max(l => l.Count);
        diagram.Batch(() =>
        {
            for (var li = 0; li < layers.Count; li++)
            {
                var l = layers[li];
                var offset = (tallest - l.Count) * (NodeHeight + gapY) / 2;
                for (var i = 0; i < l.Count; i++)
                {
                    l[i].SetPosition(40 + li * (NodeWidth + gapX), 40 + offset + i * (NodeHeight + gapY));
                }
            }
        });
    }

    private static List<(DesignerNode From, DesignerNode To)> WithoutBackEdges(List<DesignerNode> nodes, List<(DesignerNode From, DesignerNode To)> edges)
    {
        var successors = nodes.ToDictionary(n => n, n => edges.Where(e => e.From == n).Select(e => e.To).ToList());
        var state = new Dictionary<DesignerNode, int>();
        var dag = new List<(DesignerNode, DesignerNode)>();
        void Visit(DesignerNode n)
        {
            state[n] = 1;
            foreach (var m in successors[n])
            {
                var s = state.GetValueOrDefault(m);
                if (s == 1)
                {
                    continue;
                }

                dag.Add((n, m));
                if (s == 0)
                {
                    Visit(m);
                }
            }

            state[n] = 2;
        }

        foreach (var n in nodes.OrderBy(n => n.Kind == NodeKind.Start ? 0 : 1))
        {
            if (!state.ContainsKey(n))
            {
                Visit(n);
            }
        }

        return dag;
    }
}
