using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Models;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>A transition on the canvas: its label, guard, order and default flag travel with the link.</summary>
public sealed class DesignerLink : LinkModel
{
    public DesignerLink(string id, Anchor source, Anchor target)
        : base(id, source, target)
    {
        TargetMarker = LinkMarker.Arrow;
        Width = 2;
    }

    public string Label { get; set; } = "";

    public Domain.Conditions.ConditionGroup? Guard { get; set; }

    public bool IsDefault { get; set; }

    public int TransitionOrder { get; set; }

    public DesignerNode? From => (Source.Model as PortModel)?.Parent as DesignerNode;

    public DesignerNode? To => (Target.Model as PortModel)?.Parent as DesignerNode;

    /// <summary>Shows <see cref="Label"/> (or the default marker) on the link.</summary>
    public void ShowLabel(string text)
    {
        var label = Labels.FirstOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            if (label is not null)
            {
                Labels.Remove(label);
            }
        }
        else if (label is null)
        {
            AddLabel(text);
        }
        else
        {
            label.Content = text;
            label.Refresh();
        }

        Refresh();
    }
}
