using Scrm.Data.Seed;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>The canvas model without a browser: the graph round-trips through it, layout and undo work on it.</summary>
public sealed class DesignerCanvasTests
{
    [Fact]
    public void Graph_RoundTripsThroughTheCanvas_WithIdsGuardsAndOrder()
    {
        var graph = DemoWorkflows.Complaint();
        var diagram = DiagramFactory.Create();

        GraphMapper.Load(diagram, graph, l => l.Label);
        var back = GraphMapper.ToGraph(diagram);

        Assert.Equal(graph.Nodes.Select(n => n.Id), back.Nodes.Select(n => n.Id));
        Assert.Equal(graph, back);
    }

    [Fact]
    public void AutoLayout_PutsEveryTransitionTopDown_ExceptLoopsBack()
    {
        var diagram = DiagramFactory.Create();
        GraphMapper.Load(diagram, DemoWorkflows.Complaint(), l => l.Label);

        LayeredLayout.Apply(diagram);
        var graph = GraphMapper.ToGraph(diagram);

        Assert.All(graph.Transitions, t => Assert.True(graph.Node(t.From).Y < graph.Node(t.To).Y, $"{t.From} → {t.To}"));
        Assert.Equal(graph.Nodes.Count, graph.Nodes.Select(n => (n.X, n.Y)).Distinct().Count());
    }

    [Fact]
    public void UndoHistory_StepsBackAndForward_AndForgetsRedoAfterANewEdit()
    {
        var first = DemoWorkflows.Installation();
        var second = first with { Nodes = [.. first.Nodes.Select(n => n.Id == "accept" ? n with { Name = "受理登记" } : n)] };
        var third = second with { Nodes = [.. second.Nodes.Where(n => n.Id != "cancelled")] };
        var history = new UndoHistory();
        history.Reset(first);
        history.Record(second);
        history.Record(third);

        Assert.Equal(second, history.Undo());
        Assert.Equal(first, history.Undo());
        Assert.Null(history.Undo());
        Assert.Equal(second, history.Redo());
        history.Record(third with { Transitions = [] });
        Assert.False(history.CanRedo);
    }
}
