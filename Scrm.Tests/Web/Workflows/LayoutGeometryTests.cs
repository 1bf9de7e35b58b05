using Scrm.Data.Seed;
using Scrm.Domain.Conditions;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>
/// The layout and link routes as the designer draws them (nodes 180 × 64 px, see .wf-node): no link passes through a node,
/// no label sits on a node, and links leaving one port start apart.
/// </summary>
public sealed class LayoutGeometryTests
{
    private const double NodeWidth = 180;
    private const double NodeHeight = 64;

    public static TheoryData<string> Graphs => ["installation", "complaint", "generated-60"];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NoLink_PassesThroughANode(string name)
    {
        var (graph, boxes, routes) = Drawn(name);

        foreach (var t in graph.Transitions)
        {
            var path = PathOf(t, boxes, routes);
            for (var i = 0; i + 1 < path.Count; i++)
            {
                foreach (var (x, y) in Samples(path[i], path[i + 1]))
                {
                    var hit = graph.Nodes.FirstOrDefault(n => x > n.X + 1 && x < n.X + NodeWidth - 1 && y > n.Y + 1 && y < n.Y + NodeHeight - 1);
                    Assert.True(hit is null, $"{t.Id} passes through {hit?.Id} at ({x:0}, {y:0})");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void NoLabel_SitsOnANode(string name)
    {
        var (graph, boxes, routes) = Drawn(name);

        foreach (var t in graph.Transitions.Where(t => t.Label.Length > 0))
        {
            var path = PathOf(t, boxes, routes);
            var (x, y) = PointAlong(path, routes[t.Id].LabelDistance);
            // Generous: 14 px a character, padding, and room for " · 条件"; 20 px tall.
            var halfWidth = ((t.Label.Length * 14) + 16 + (t.Guard is null ? 0 : 44)) / 2.0;
            var hit = graph.Nodes.FirstOrDefault(n => x + halfWidth > n.X && x - halfWidth < n.X + NodeWidth && y + 10 > n.Y && y - 10 < n.Y + NodeHeight);
            Assert.True(hit is null, $"the label of {t.Id} ({t.Label}) lies on {hit?.Id}");
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void LinksLeavingOnePort_StartApart(string name)
    {
        var (graph, _, routes) = Drawn(name);

        foreach (var siblings in graph.Transitions.GroupBy(t => t.From).Where(g => g.Count() > 1))
        {
            var starts = siblings.Select(t => routes[t.Id].Vertices[0]).ToList();
            foreach (var a in starts)
            {
                Assert.All(starts.Where(b => b != a), b => Assert.True(Math.Abs(a.X - b.X) + Math.Abs(a.Y - b.Y) >= 8, $"links from {siblings.Key} start together"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Nodes_StandInRows_WithoutOverlapping(string name)
    {
        var (graph, _, _) = Drawn(name);

        foreach (var a in graph.Nodes)
        {
            Assert.All(graph.Nodes.Where(b => b != a), b => Assert.True(
                Math.Abs(a.Y - b.Y) >= NodeHeight + 60 || (a.Y == b.Y && Math.Abs(a.X - b.X) >= NodeWidth + 60), $"{a.Id} and {b.Id} are crowded"));
        }
    }

    [Fact]
    public void SeededInstallation_IsStoredLaidOutTopDown()
    {
        var graph = DemoWorkflows.Installation();
        double Y(string id) => graph.Node(id).Y;

        Assert.Equal(40, Y("start"));
        Assert.True(Y("start") < Y("accept") && Y("accept") < Y("dispatch") && Y("dispatch") < Y("visit") && Y("visit") < Y("confirm")
            && Y("confirm") < Y("settle") && Y("settle") < Y("followup") && Y("followup") < Y("closed"));
        Assert.Equal(Y("dispatch"), Y("cancelled"));
        // Eight rows of 64 px nodes with 60 px between them; the widest row holds two nodes.
        Assert.Equal(908, Y("closed"));
        Assert.Equal(["cancelled", "dispatch"], graph.Nodes.Where(n => n.Y == Y("dispatch")).Select(n => n.Id).Order());
    }

    private static (WorkflowGraph Graph, Dictionary<string, NodeBox> Boxes, Dictionary<string, LinkRoute> Routes) Drawn(string name)
    {
        var graph = name switch
        {
            "installation" => DemoWorkflows.Installation(),
            "complaint" => DemoWorkflows.Complaint(),
            _ => Generated60(),
        };
        var boxes = graph.Nodes.ToDictionary(n => n.Id, n => new NodeBox(n.X, n.Y, NodeWidth, NodeHeight));
        var routes = LinkRoutes.Plan(boxes, graph.Transitions.Select(t => new LinkEnds(t.Id, t.From, t.To)).ToList());
        return (graph, boxes, routes);
    }

    // Port to port as the canvas draws it: the output port's centre is 1 px below the node, the input port's 2 px above.
    private static List<(double X, double Y)> PathOf(WorkflowTransition t, Dictionary<string, NodeBox> boxes, Dictionary<string, LinkRoute> routes)
    {
        var (from, to) = (boxes[t.From], boxes[t.To]);
        return [(from.X + (NodeWidth / 2), from.Y + NodeHeight + 1), .. routes[t.Id].Vertices.Select(v => (v.X, v.Y)), (to.X + (NodeWidth / 2), to.Y - 2)];
    }

    private static IEnumerable<(double X, double Y)> Samples((double X, double Y) a, (double X, double Y) b)
    {
        var steps = (int)Math.Ceiling(Math.Max(Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y))) + 1;
        return Enumerable.Range(0, steps + 1).Select(i => (a.X + ((b.X - a.X) * i / steps), a.Y + ((b.Y - a.Y) * i / steps)));
    }

    // Where the canvas puts a label: this far along the path, or halfway when no distance is given.
    private static (double X, double Y) PointAlong(List<(double X, double Y)> path, double? distance)
    {
        var lengths = path.Zip(path.Skip(1), (a, b) => Math.Sqrt(Math.Pow(b.X - a.X, 2) + Math.Pow(b.Y - a.Y, 2))).ToList();
        var left = distance ?? lengths.Sum() / 2;
        for (var i = 0; i < lengths.Count; i++)
        {
            if (left <= lengths[i])
            {
                var f = left / lengths[i];
                return (path[i].X + ((path[i + 1].X - path[i].X) * f), path[i].Y + ((path[i + 1].Y - path[i].Y) * f));
            }

            left -= lengths[i];
        }

        return path[^1];
    }

    /// <summary>60 nodes: a long chain with a branch every sixth node, a loop back every seventh, a way to cancel every tenth.</summary>
    private static WorkflowGraph Generated60()
    {
        var urgent = ConditionGroup.All(new Condition(ConditionSubject.Of(BuiltInSubject.Urgency), ConditionOperator.Equals, [nameof(Urgency.Urgent)]));
        var b = new WorkflowGraphBuilder().Start("start", "开始");
        for (var i = 1; i <= 57; i++)
        {
            b = i % 6 == 0 ? b.Branch($"n{i}", $"判断{i}") : b.Step($"n{i}", $"步骤{i}", ActorRule.Desk);
        }

        b = b.End("done", "完成", EndOutcome.Closed).End("cancel", "取消", EndOutcome.Cancelled).Link("start", "n1");
        for (var i = 1; i <= 57; i++)
        {
            b = b.Link($"n{i}", i == 57 ? "done" : $"n{i + 1}", i % 6 == 0 ? "" : "下一步", isDefault: i % 6 == 0);
            if (i % 6 == 0 && i + 3 <= 57)
            {
                b = b.Link($"n{i}", $"n{i + 3}", "紧急跳过", urgent);
            }

            if (i % 7 == 0)
            {
                b = b.Link($"n{i}", $"n{i - 4}", "退回");
            }

            if (i % 10 == 0)
            {
                b = b.Link($"n{i}", "cancel", "取消");
            }
        }

        var graph = b.Build();
        Assert.Equal(60, graph.Nodes.Count);
        return graph;
    }
}
