using Blazor.Diagrams;
using Blazor.Diagrams.Core.Models.Base;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows.Components;

/// <summary>A workflow drawn read-only, with optional overlays on its nodes; clicking a node reports its id.</summary>
public sealed partial class ReadOnlyCanvas : IDisposable
{
    private readonly BlazorDiagram _diagram = DiagramFactory.Create();
    private WorkflowGraph? _shown;
    private bool _fitted;
    private bool _remeasurePorts;
    private bool _disposed;
    private int _measured;

    /// <summary>The workflow to draw.</summary>
    [Parameter, EditorRequired] public WorkflowGraph Graph { get; set; } = new();

    /// <summary>What to draw over each node, by node id; nodes without one are drawn plain.</summary>
    [Parameter] public IReadOnlyDictionary<string, NodeOverlay> Overlays { get; set; } = new Dictionary<string, NodeOverlay>();

    /// <summary>The node shown as selected, if any.</summary>
    [Parameter] public string? SelectedNodeId { get; set; }

    /// <summary>Raised with the node's id when the user clicks a node.</summary>
    [Parameter] public EventCallback<string> OnNodeClick { get; set; }

    /// <summary>The canvas height (CSS).</summary>
    [Parameter] public string Height { get; set; } = "480px";

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override void OnInitialized()
    {
        _diagram.Options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(false);
        _diagram.Options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(false);
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.ContainerChanged += FitOnce;
    }

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(_shown, Graph))
        {
            _shown = Graph;
            _fitted = false;
            DiagramView.Show(_diagram, Graph, L, layoutIfCrowded: true);
            DiagramView.SetLocked(_diagram, true);
            foreach (var node in _diagram.Nodes)
            {
                node.SizeChanged += _ => FitOnce();
            }

            FitOnce();
        }

        foreach (var node in _diagram.Nodes.OfType<DesignerNode>())
        {
            var overlay = Overlays.GetValueOrDefault(node.Id);
            if (node.Overlay != overlay)
            {
                node.Overlay = overlay;
                node.Refresh();
            }
        }

        var selected = _diagram.Nodes.FirstOrDefault(n => n.Id == SelectedNodeId);
        if (selected is null)
        {
            _diagram.UnselectAll();
        }
        else if (!selected.Selected)
        {
            _diagram.SelectModel(selected, unselectOthers: true);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_remeasurePorts)
        {
            _remeasurePorts = false;
            await Task.Delay(100); // the nodes' own renders follow this one
            if (_disposed)
            {
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

    public void Dispose()
    {
        _disposed = true;
        _diagram.SelectionChanged -= OnSelectionChanged;
        _diagram.ContainerChanged -= FitOnce;
    }

    // The first fit waits until the canvas and every node have been measured in the browser.
    private void FitOnce()
    {
        if (!_fitted && _diagram.Container is { Width: > 0 } && _diagram.Nodes.All(n => n.Size is not null))
        {
            _fitted = true;
            FitAndMeasure();
        }
    }

    private void FitAndMeasure()
    {
        if (DiagramView.Fit(_diagram, minZoom: 0.7))
        {
            _remeasurePorts = true;
            InvokeAsync(StateHasChanged);
        }
    }

    private void OnSelectionChanged(SelectableModel model)
    {
        if (model is DesignerNode { Selected: true } node && node.Id != SelectedNodeId)
        {
            InvokeAsync(() => OnNodeClick.InvokeAsync(node.Id));
        }
    }
}
