using Blazor.Diagrams.Core.Extensions;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;

namespace Scrm.Web.Features.Workflows;

/// <summary>Edits from the side panel and the toolbar: node and link settings, delete, undo/redo, layout and zoom.</summary>
public sealed partial class WorkflowDesignerPage
{
    private void UpdateNode((DesignerNode Node, WorkflowNode Data) change)
    {
        if (_readOnly)
        {
            return;
        }

        change.Node.Data = change.Data;
        change.Node.Refresh();
        Record();
    }

    private void UpdateLink((DesignerLink Link, WorkflowTransition Data) change)
    {
        if (_readOnly)
        {
            return;
        }

        var (link, data) = change;
        link.Label = data.Label;
        link.Guard = data.Guard;
        link.TransitionOrder = data.Order;
        if (data.IsDefault && !link.IsDefault)
        {
            // One default per branch: taking it here drops it elsewhere.
            foreach (var other in _diagram.Links.OfType<DesignerLink>().Where(l => l != link && l.From == link.From && l.IsDefault))
            {
                other.IsDefault = false;
                other.ShowLabel(LabelOf(other));
            }
        }

        link.IsDefault = data.IsDefault;
        link.ShowLabel(LabelOf(link));
        Record();
    }

    private void DeleteSelected()
    {
        if (_readOnly || _selected is null)
        {
            return;
        }

        if (_selected is DesignerNode node)
        {
            _diagram.Nodes.Remove(node);
        }
        else if (_selected is DesignerLink link)
        {
            _diagram.Links.Remove(link);
        }

        _selected = null;
        Record();
    }

    private void Undo() => Restore(_history.Undo());

    private void Redo() => Restore(_history.Redo());

    private void Restore(WorkflowGraph? graph)
    {
        if (graph is null || _readOnly)
        {
            return;
        }

        LoadGraph(graph, resetHistory: false);
        _dirty = true;
        if (_problems is not null)
        {
            ShowProblems(_problems);
        }

        StateHasChanged();
    }

    private void AutoLayout()
    {
        LayeredLayout.Apply(_diagram);
        Fit(minZoom: 0.5);
        Record();
    }

    private string LabelOf(DesignerLink link) => DiagramView.LinkText(L, link);

    private void ZoomBy(double factor)
    {
        if (_diagram.Container is not { } c)
        {
            return;
        }

        var old = _diagram.Zoom;
        var zoom = Math.Clamp(old * factor, _diagram.Options.Zoom.Minimum, _diagram.Options.Zoom.Maximum);
        double sx = c.Width / 2, sy = c.Height / 2, wx = (sx - _diagram.Pan.X) / old, wy = (sy - _diagram.Pan.Y) / old;
        _diagram.Batch(() =>
        {
            _diagram.SetZoom(zoom);
            _diagram.SetPan(sx - (wx * zoom), sy - (wy * zoom));
        });
    }

    private void Fit(double? minZoom = null)
    {
        if (!DiagramView.Fit(_diagram, minZoom))
        {
            return;
        }

        // A port measured while the view moved converts its old screen position with the new pan and zoom: once the browser
        // shows the new view, measure every port again (see OnAfterRenderAsync).
        _remeasurePorts = true;
        StateHasChanged();
    }

    private void DisposeDiagram()
    {
        _disposed = true;
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.Changed -= OnDiagramChanged;
        _diagram.ContainerChanged -= OnContainerChanged;
    }
}
