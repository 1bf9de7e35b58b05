using Blazor.Diagrams;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>Auto-layout on the canvas: the domain's <see cref="WorkflowLayout"/>, the same that places seeded workflows.</summary>
public static class LayeredLayout
{
    public const double NodeWidth = WorkflowLayout.NodeWidth;
    public const double NodeHeight = WorkflowLayout.NodeHeight;

    public static void Apply(BlazorDiagram diagram)
    {
        var arranged = WorkflowLayout.Arrange(GraphMapper.ToGraph(diagram));
        diagram.Batch(() =>
        {
            foreach (var node in diagram.Nodes.OfType<DesignerNode>())
            {
                var placed = arranged.Node(node.Id);
                node.SetPosition(placed.X, placed.Y);
            }
        });
    }
}
