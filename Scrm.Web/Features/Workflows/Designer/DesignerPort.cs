using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>A node's input (top) or output (bottom) port. Links run from an output to another node's input, once.</summary>
public sealed class DesignerPort(DesignerNode parent, PortAlignment alignment, bool isInput) : PortModel(parent, alignment)
{
    public bool IsInput { get; } = isInput;

    /// <summary>Asked by the canvas when a link is dropped on a port or a node body.</summary>
    public override bool CanAttachTo(ILinkable other)
    {
        var target = other switch
        {
            DesignerPort p => p,
            DesignerNode n => n.InPort,
            _ => null,
        };
        if (target is null || IsInput || !target.IsInput || target.Parent == Parent || target.Locked)
        {
            return false;
        }

        return !Parent.PortLinks.Any(l => l.Source.Model is PortModel s && s.Parent == Parent
            && l.Target.Model is PortModel t && t.Parent == target.Parent);
    }
}
