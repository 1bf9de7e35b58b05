using Blazor.Diagrams;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Extensions;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Microsoft.AspNetCore.Components.Web;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Workflows.Designer;

namespace Scrm.Web.Features.Workflows;

/// <summary>The canvas side of the designer: drops, selection, edits from the side panel, undo/redo, layout and zoom.</summary>
public sealed partial class WorkflowDesignerPage
{
    private BlazorDiagram _diagram = null!;
    private readonly UndoHistory _history = new();
    private SelectableModel? _selected;
    private NodeKind? _dragged;
    private bool _dirty;
    private bool _restoring;
    private bool _pendingRecord;
    private bool _fitted;
    private bool _remeasurePorts;
    private int _measured;
    private bool _disposed;

    private void InitDiagram()
    {
        _diagram = DiagramFactory.Create();
        _diagram.SelectionChanged += OnSelectionChanged;
        _diagram.Nodes.Added += OnNodeAdded;
        _diagram.Nodes.Removed += OnNodeRemoved;
        _diagram.Links.Added += OnLinkAdded;
        _diagram.Links.Removed += OnLinkRemoved;
        _diagram.Changed += OnDiagramChanged;
        _diagram.ContainerChanged += OnContainerChanged;
        _diagram.Options.Constraints.ShouldDeleteNode = _ => ValueTask.FromResult(!_readOnly);
        _diagram.Options.Constraints.ShouldDeleteLink = _ => ValueTask.FromResult(!_readOnly);
        var keys = _diagram.GetBehavior<KeyboardShortcutsBehavior>()!;
        keys.SetShortcut("z", ctrl: true, shift: false, alt: false, d => { _ = InvokeAsync(Undo); return ValueTask.CompletedTask; });
        keys.SetShortcut("y", ctrl: true, shift: false, alt: false, d => { _ = InvokeAsync(Redo); return ValueTask.CompletedTask; });
    }

    private void OnDrop(DragEventArgs e)
    {
        if (_dragged is not { } kind || _readOnly || _diagram.Container is null)
        {
            return;
        }

        _dragged = null;
        var p = _diagram.GetRelativeMousePoint(e.ClientX, e.ClientY);
        var id = GraphMapper.NewId(_diagram, kind.ToString().ToLowerInvariant());
        var x = Math.Round((p.X - (LayeredLayout.NodeWidth / 2)) / DiagramFactory.GridSize) * DiagramFactory.GridSize;
        var y = Math.Round((p.Y - (LayeredLayout.NodeHeight / 2)) / DiagramFactory.GridSize) * DiagramFactory.GridSize;
        var node = new DesignerNode(GraphMapper.NewNode(kind, id, L[$"NodeKind.{kind}"], x, y));
        _diagram.Nodes.Add(node);
        _diagram.SelectModel(node, unselectOthers: true);
    }

    private void OnSelectionChanged(SelectableModel _)
    {
        _selected = _diagram.GetSelectedModels().FirstOrDefault(m => m is DesignerNode or DesignerLink);
        InvokeAsync(StateHasChanged);
    }

    private void OnNodeAdded(NodeModel node)
    {
        node.Moved += OnNodeMoved;
        node.SizeChanged += OnNodeSized;
        MarkChanged();
    }

    private void OnNodeRemoved(NodeModel node)
    {
        node.Moved -= OnNodeMoved;
        node.SizeChanged -= OnNodeSized;
        MarkChanged();
    }

    private void OnNodeMoved(MovableModel _) => Record();

    private void OnLinkAdded(BaseLinkModel link) => link.TargetAttached += OnTargetAttached;

    private void OnLinkRemoved(BaseLinkModel link)
    {
        link.TargetAttached -= OnTargetAttached;
        if (link.IsAttached)
        {
            MarkChanged();
        }
    }

    // A link the admin just drew: give it its place among the node's ways out and a button text to start from.
    private void OnTargetAttached(BaseLinkModel model)
    {
        if (model is not DesignerLink { From: { } from } link)
        {
            return;
        }

        var siblings = _diagram.Links.OfType<DesignerLink>().Where(l => l != link && l.From == from).ToList();
        link.TransitionOrder = siblings.Count == 0 ? 0 : siblings.Max(l => l.TransitionOrder) + 1;
        link.Label = NewButtonText(from.Kind, siblings.Count);
        link.IsDefault = from.Kind == NodeKind.Branch && !siblings.Any(l => l.IsDefault) && siblings.Count > 0;
        link.ShowLabel(LabelOf(link));
        _diagram.SelectModel(link, unselectOthers: true);
        Record();
    }

    private string NewButtonText(NodeKind kind, int siblings) => kind switch
    {
        NodeKind.Approval => L[siblings == 0 ? "Designer.NewApprove" : "Designer.NewReject"],
        NodeKind.Step => L[siblings == 0 ? "Designer.NewButton" : "Designer.NewButtonOther"],
        _ => "",
    };

    private void OnDiagramChanged()
    {
        if (_pendingRecord)
        {
            Record();
        }
    }

    private void OnContainerChanged() => FitOnce();

    private void OnNodeSized(NodeModel _) => FitOnce();

    // The first fit waits until the canvas and every node have been measured in the browser.
    private void FitOnce()
    {
        if (!_fitted && _diagram.Container is { Width: > 0 } && _diagram.Nodes.All(n => n.Size is not null))
        {
            _fitted = true;
            Fit(minZoom: 0.5);
        }
    }

    private void MarkChanged()
    {
        if (!_restoring)
        {
            _pendingRecord = true;
        }
    }

    private void Record()
    {
        if (_restoring)
        {
            return;
        }

        _pendingRecord = false;
        _history.Record(CurrentGraph);
        _dirty = true;
        InvokeAsync(StateHasChanged);
    }
}
