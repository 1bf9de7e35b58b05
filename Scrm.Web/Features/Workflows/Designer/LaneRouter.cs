using Blazor.Diagrams.Core;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Core.Routers;
using Point = Blazor.Diagrams.Core.Geometry.Point;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>Draws each link along <see cref="LinkRoutes"/>, from where the nodes are now: routes follow nodes the admin drags.</summary>
public sealed class LaneRouter : Router
{
    public override Point[] GetRoute(Diagram diagram, BaseLinkModel link)
    {
        if (link is not DesignerLink { From: not null, To: not null } designerLink)
        {
            return [];
        }

        var boxes = diagram.Nodes.OfType<DesignerNode>().ToDictionary(n => n.Id, n => new NodeBox(n.Position.X, n.Position.Y,
            n.Size?.Width ?? LayeredLayout.NodeWidth, n.Size?.Height ?? LayeredLayout.NodeHeight));
        var ends = diagram.Links.OfType<DesignerLink>().Where(l => l.From is not null && l.To is not null)
            .Select(l => new LinkEnds(l.Id, l.From!.Id, l.To!.Id)).ToList();
        if (!LinkRoutes.Plan(boxes, ends).TryGetValue(designerLink.Id, out var route))
        {
            return [];
        }

        if (designerLink.Labels.FirstOrDefault() is { } label)
        {
            label.Distance = route.LabelDistance;
        }

        return [.. route.Vertices];
    }
}
