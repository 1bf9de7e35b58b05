using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models.Base;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>Moves a <see cref="WorkflowGraph"/> onto the canvas and reads it back: ids, positions, transitions and their settings.</summary>
public static class GraphMapper
{
    /// <summary>Replaces everything on the canvas with <paramref name="graph"/> (loading, undo and redo).</summary>
    public static void Load(BlazorDiagram diagram, WorkflowGraph graph, Func<DesignerLink, string> labelOf)
    {
        diagram.Batch(() =>
        {
            diagram.Links.Clear();
            diagram.Nodes.Clear();
            var nodes = graph.Nodes.ToDictionary(n => n.Id, n => new DesignerNode(n));
            diagram.Nodes.Add(nodes.Values);
            var links = new List<BaseLinkModel>();
            foreach (var t in graph.Transitions)
            {
                if (nodes.TryGetValue(t.From, out var from) && nodes.TryGetValue(t.To, out var to) && from.OutPort is { } outPort && to.InPort is { } inPort)
                {
                    var link = new DesignerLink(t.Id, new SinglePortAnchor(outPort), new SinglePortAnchor(inPort))
                    {
                        Label = t.Label, Guard = t.Guard, IsDefault = t.IsDefault, TransitionOrder = t.Order,
                    };
                    link.AddLabel(labelOf(link));
                    links.Add(link);
                }
            }

            diagram.Links.Add(links);
        });
    }

    /// <summary>The graph as it stands on the canvas; a link still being drawn is left out.</summary>
    public static WorkflowGraph ToGraph(BlazorDiagram diagram) => new()
    {
        Nodes = diagram.Nodes.OfType<DesignerNode>()
            .Select(n => n.Data with { X = Math.Round(n.Position.X), Y = Math.Round(n.Position.Y) })
            .ToList(),
        Transitions = diagram.Links.OfType<DesignerLink>()
            .Where(l => l.IsAttached && l.From is not null && l.To is not null)
            .Select(l => new WorkflowTransition
            {
                Id = l.Id, From = l.From!.Id, To = l.To!.Id, Label = l.Label, Guard = l.Guard, IsDefault = l.IsDefault, Order = l.TransitionOrder,
            })
            .ToList(),
    };

    /// <summary>A short id not yet used on the canvas, e.g. <c>step-3f9a1c</c>.</summary>
    public static string NewId(BlazorDiagram diagram, string prefix)
    {
        while (true)
        {
            var id = $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";
            if (!diagram.Nodes.Any(n => n.Id == id) && !diagram.Links.Any(l => l.Id == id))
            {
                return id;
            }
        }
    }

    /// <summary>A new node of <paramref name="kind"/> with settings that already pass validation where a default makes sense.</summary>
    public static WorkflowNode NewNode(NodeKind kind, string id, string name, double x, double y) => new()
    {
        Id = id,
        Kind = kind,
        Name = name,
        X = x,
        Y = y,
        Actor = kind switch
        {
            NodeKind.Step => ActorRule.Desk,
            NodeKind.Approval => ActorRule.Supervisors,
            _ => null,
        },
        WaitMinutes = kind == NodeKind.Timer ? 60 : null,
        Expiry = kind == NodeKind.Timer ? TimerExpiry.Continue : null,
        Action = kind == NodeKind.Action ? ActionKind.Settle : null,
        Outcome = kind == NodeKind.End ? EndOutcome.Resolved : null,
    };
}
