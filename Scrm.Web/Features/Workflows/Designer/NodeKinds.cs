using MudBlazor;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows.Designer;

/// <summary>Palette order and icons of the node kinds.</summary>
public static class NodeKinds
{
    public static readonly IReadOnlyList<NodeKind> All = Enum.GetValues<NodeKind>();

    public static string Icon(NodeKind kind) => kind switch
    {
        NodeKind.Start => Icons.Material.Outlined.PlayCircle,
        NodeKind.Step => Icons.Material.Outlined.AssignmentInd,
        NodeKind.Approval => Icons.Material.Outlined.HowToReg,
        NodeKind.Branch => Icons.Material.Outlined.CallSplit,
        NodeKind.Timer => Icons.Material.Outlined.Timer,
        NodeKind.Action => Icons.Material.Outlined.Bolt,
        _ => Icons.Material.Outlined.StopCircle,
    };
}
