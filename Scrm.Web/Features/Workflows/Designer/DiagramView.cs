using Blazor.Diagrams;
using Blazor.Diagrams.Core.Extensions;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Workflows;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>What the designer and the read-only canvas (dwell-time heat map) share: putting a graph on, locking, fitting.</summary>
public static class DiagramView
{
    /// <summary>Loads <paramref name="graph"/>, laying out graphs built in code (seed data) that sit too close for their labels.</summary>
    public static void Show(BlazorDiagram diagram, WorkflowGraph graph, IStringLocalizer<SharedResource> l, bool layoutIfCrowded)
    {
        GraphMapper.Load(diagram, graph, link => LinkText(l, link));
        if (layoutIfCrowded && IsCrowded(graph))
        {
            LayeredLayout.Apply(diagram);
        }
    }

    /// <summary>The text on a link: its button, the default marker, and whether a guard applies.</summary>
    public static string LinkText(IStringLocalizer<SharedResource> l, DesignerLink link)
    {
        var text = link.IsDefault && link.Label.Length == 0 ? l["Designer.DefaultLabel"].Value : link.Label;
        return link.Guard is null ? text : (text.Length == 0 ? l["Designer.GuardLabel"].Value : $"{text} · {l["Designer.GuardLabel"]}");
    }

    /// <summary>Locks (no drag, no link drawing, no delete) or unlocks every node, port and link.</summary>
    public static void SetLocked(BlazorDiagram diagram, bool locked) => diagram.Batch(() =>
    {
        foreach (var node in diagram.Nodes)
        {
            node.Locked = locked;
            foreach (var port in node.Ports)
            {
                port.Locked = locked;
                port.Refresh();
            }

            node.Refresh();
        }

        foreach (var link in diagram.Links)
        {
            link.Locked = locked;
            link.Refresh();
        }
    });

    /// <summary>
    /// Shows the graph centred, never zoomed in past 100% nor out past <paramref name="minZoom"/>; a graph still too wide
    /// starts at its left edge (Start). False when the canvas is not measured yet. Ports measured while the view moved
    /// must be measured again once the browser shows the new view (<c>ReinitializePorts</c>).
    /// </summary>
    public static bool Fit(BlazorDiagram diagram, double? minZoom = null, double margin = 40)
    {
        if (diagram.Container is not { } c || diagram.Nodes.Count == 0)
        {
            return false;
        }

        var b = diagram.Nodes.GetBounds();
        var fits = Math.Min((c.Width - (2 * margin)) / b.Width, (c.Height - (2 * margin)) / b.Height);
        var zoom = Math.Clamp(fits, minZoom ?? diagram.Options.Zoom.Minimum, 1.0);
        var panX = b.Width * zoom <= c.Width - (2 * margin)
            ? (c.Width / 2) - ((b.Left + (b.Width / 2)) * zoom)
            : margin - (b.Left * zoom);
        diagram.Batch(() =>
        {
            diagram.SetZoom(zoom);
            diagram.SetPan(panX, (c.Height / 2) - ((b.Top + (b.Height / 2)) * zoom));
        });
        return true;
    }

    // Graphs built in code (seed data, the starter draft) sit too close for their labels: lay them out once on opening.
    private static bool IsCrowded(WorkflowGraph graph) => graph.Transitions.Any(t =>
        graph.FindNode(t.From) is { } from && graph.FindNode(t.To) is { } to
        && Math.Abs(to.X - from.X) < LayeredLayout.NodeWidth + 60 && Math.Abs(to.Y - from.Y) < LayeredLayout.NodeHeight);
}
