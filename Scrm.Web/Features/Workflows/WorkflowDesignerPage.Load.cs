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
            DiagramView.Show(_diagram, graph, L, layoutIfCrowded: resetHistory && !_readOnly);
        }
        finally
        {
            _restoring = false;
            _pendingRecord = false;
        }

        if (resetHistory)
        {
            _history.Reset(CurrentGraph);
            _dirty = false;
        }

        DiagramView.SetLocked(_diagram, _readOnly);
    }
}
