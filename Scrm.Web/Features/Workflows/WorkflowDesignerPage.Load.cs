using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;

namespace Scrm.Web.Features.Workflows;

/// <summary>Putting a graph on the canvas: loading, locking a published version, and re-measuring ports after the view moves.</summary>
public sealed partial class WorkflowDesignerPage
{
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_remeasurePorts)
        {
            _remeasurePorts = false;
            await Task.Delay(100); // the nodes' own renders follow the page's
            if (_disposed)
            {
                // The user left meanwhile: a port measured now would call a browser that is gone.
                return;
            }

            foreach (var node in _diagram.Nodes)
            {
                node.ReinitializePorts();
            }

            // Shown on the canvas (data-measured), so a test can wait for the view to settle instead of sleeping.
            _measured++;
            StateHasChanged();
        }
    }

    private void LoadGraph(WorkflowGraph graph, bool resetHistory)
    {
        _restoring = true;
        try
        {
            _selected = null;
            GraphMapper.Load(_diagram, graph, LabelOf);
        }
        finally
        {
            _restoring = false;
            _pendingRecord = false;
        }

        if (resetHistory)
        {
            if (!_readOnly && IsCrowded(graph))
            {
                LayeredLayout.Apply(_diagram);
            }

            _history.Reset(CurrentGraph);
            _dirty = false;
        }

        SetLocked(_readOnly);
    }

    // Graphs built in code (seed data, the starter draft) sit too close for their labels: lay them out once on opening.
    private static bool IsCrowded(WorkflowGraph graph) => graph.Transitions.Any(t =>
        graph.FindNode(t.From) is { } from && graph.FindNode(t.To) is { } to
        && Math.Abs(to.X - from.X) < LayeredLayout.NodeWidth + 60 && Math.Abs(to.Y - from.Y) < LayeredLayout.NodeHeight);

    private void SetLocked(bool locked) => _diagram.Batch(() =>
    {
        foreach (var node in _diagram.Nodes)
        {
            node.Locked = locked;
            foreach (var port in node.Ports)
            {
                port.Locked = locked;
                port.Refresh();
            }

            node.Refresh();
        }

        foreach (var link in _diagram.Links)
        {
            link.Locked = locked;
            link.Refresh();
        }
    });
}
