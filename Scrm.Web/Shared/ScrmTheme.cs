using MudBlazor;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Shared;

/// <summary>The app's colours, defined once: the MudBlazor theme and the urgency palette (docs: ui.md).</summary>
public static class ScrmTheme
{
    /// <summary>Chart series colours, in order: the primary blue first, then colours that stay apart on a wall screen.</summary>
    public static readonly string[] ChartPalette = ["#1677FF", "#00B42A", "#FF7D00", "#722ED1", "#14C9C9", "#F53F3F", "#86909C"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1677FF",
            Secondary = "#646A73",
            AppbarBackground = "#FFFFFF",
            AppbarText = "#1F2329",
            Background = "#F5F6F7",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#1F2329",
            DrawerIcon = "#646A73",
            TextPrimary = "#1F2329",
            TextSecondary = "#646A73",
            Success = "#00B42A",
            Warning = "#FF7D00",
            Error = "#D32F2F",
            Info = "#1976D2",
            LinesDefault = "#E5E6EB",
            TableLines = "#EEF0F2",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["-apple-system", "BlinkMacSystemFont", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", "Roboto", "sans-serif"],
                FontSize = "0.875rem",
            },
            Button = new ButtonTypography { TextTransform = "none", FontWeight = "500" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "232px" },
    };

    /// <summary>紧急 red, 高 orange, 常规 blue, 低 grey.</summary>
    public static string UrgencyColor(Urgency urgency) => urgency switch
    {
        Urgency.Urgent => "#D32F2F",
        Urgency.High => "#F57C00",
        Urgency.Normal => "#1976D2",
        _ => "#757575",
    };

    /// <summary>SLA bands (ui.md): 正常 green, 临近 amber, 即将超时 red, 已超时 dark red, 已暂停 grey.</summary>
    public static string SlaBandColor(SlaBand band) => band switch
    {
        SlaBand.OnTrack => "#2E7D32",
        SlaBand.AtRisk => "#FFA000",
        SlaBand.DueSoon => "#E53935",
        SlaBand.Breached => "#8E0000",
        _ => "#9E9E9E",
    };

    /// <summary>A board column's header when its count is over the WIP limit.</summary>
    public const string WipExceededColor = "#FFA000";

    public static Color StatusColor(TicketStatus status) => status switch
    {
        TicketStatus.New => Color.Info,
        TicketStatus.Assigned => Color.Primary,
        TicketStatus.InProgress => Color.Warning,
        TicketStatus.OnHold => Color.Default,
        TicketStatus.Resolved => Color.Success,
        TicketStatus.Closed => Color.Dark,
        _ => Color.Default,
    };

    /// <summary>Workflow designer: one colour per node kind (palette, node bar, ports, mini-map).</summary>
    public static string NodeKindColor(NodeKind kind) => kind switch
    {
        NodeKind.Start => "#00B42A",
        NodeKind.Step => "#1677FF",
        NodeKind.Approval => "#722ED1",
        NodeKind.Branch => "#FF7D00",
        NodeKind.Timer => "#14C9C9",
        NodeKind.Action => "#5C6B7A",
        _ => "#D32F2F",
    };

    /// <summary>Workflow designer: links, the selected link and the canvas grid.</summary>
    public const string LinkColor = "#8F959E";
    public const string LinkSelectedColor = "#1677FF";
    public const string CanvasBackground = "#FAFBFC";
}
