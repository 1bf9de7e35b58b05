using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.PathGenerators;
using Blazor.Diagrams.Options;
using Scrm.Web.Features.Workflows.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>The designer canvas: options, link rules and our node and label widgets.</summary>
public static class DiagramFactory
{
    public const int GridSize = 20;

    public static BlazorDiagram Create()
    {
        var options = new BlazorDiagramOptions
        {
            AllowMultiSelection = false,
            AllowPanning = true,
            GridSize = GridSize,
            Zoom = { Enabled = true, Inverse = true, Minimum = 0.2, Maximum = 2.0, ScaleFactor = 1.1 },
            Links =
            {
                DefaultColor = ScrmTheme.LinkColor,
                DefaultSelectedColor = ScrmTheme.LinkSelectedColor,
                DefaultRouter = new LaneRouter(),
                DefaultPathGenerator = new StraightPathGenerator(6),
                RequireTarget = true,
                EnableSnapping = true,
                SnappingRadius = 30,
                // Only output ports start links; dropping on a node body attaches to its input port.
                Factory = (diagram, source, target) => source is DesignerPort { IsInput: false } port
                    ? new DesignerLink(GraphMapper.NewId((BlazorDiagram)diagram, "t"), new SinglePortAnchor(port), target)
                    : null,
                TargetAnchorFactory = (_, _, model) => model switch
                {
                    DesignerNode { InPort: { } inPort } => new SinglePortAnchor(inPort),
                    PortModel p => new SinglePortAnchor(p),
                    NodeModel n => new ShapeIntersectionAnchor(n),
                    _ => throw new ArgumentOutOfRangeException(nameof(model)),
                },
            },
        };
        var diagram = new BlazorDiagram(options);
        diagram.RegisterComponent<DesignerNode, NodeWidget>();
        diagram.RegisterComponent<LinkLabelModel, LinkLabelWidget>();
        return diagram;
    }
}
