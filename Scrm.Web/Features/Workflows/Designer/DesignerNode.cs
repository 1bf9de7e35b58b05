using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>A workflow node on the canvas. <see cref="Data"/> holds its settings; the canvas owns the position.</summary>
public sealed class DesignerNode : NodeModel
{
    public DesignerNode(WorkflowNode data)
        : base(data.Id, new Point(data.X, data.Y))
    {
        Data = data;
        if (data.Kind != NodeKind.Start)
        {
            AddPort(new DesignerPort(this, PortAlignment.Top, isInput: true));
        }

        if (data.Kind != NodeKind.End)
        {
            AddPort(new DesignerPort(this, PortAlignment.Bottom, isInput: false));
        }
    }

    /// <summary>The node's settings (its X/Y are only up to date after <see cref="GraphMapper.ToGraph"/>).</summary>
    public WorkflowNode Data { get; set; }

    public NodeKind Kind => Data.Kind;

    /// <summary>The validation problem shown on the node (red border); call <c>Refresh()</c> after changing it.</summary>
    public string? Problem { get; set; }

    /// <summary>A reading drawn over the node (the dwell-time heat map); call <c>Refresh()</c> after changing it.</summary>
    public NodeOverlay? Overlay { get; set; }

    public DesignerPort? InPort => Ports.OfType<DesignerPort>().FirstOrDefault(p => p.IsInput);

    public DesignerPort? OutPort => Ports.OfType<DesignerPort>().FirstOrDefault(p => !p.IsInput);
}

/// <summary>A fill colour and a line of text drawn on a node by a read-only view, with a tooltip that explains them.</summary>
public sealed record NodeOverlay(string Fill, string Caption, string Tooltip);
