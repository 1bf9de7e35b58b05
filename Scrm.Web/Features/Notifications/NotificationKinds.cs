using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Notifications;

namespace Scrm.Web.Features.Notifications;

/// <summary>How each kind of notification looks: its icon and colour under the bell, and its name (the bell and the switches on My account).</summary>
public static class NotificationKinds
{
    public static string Icon(NotificationKind kind) => kind switch
    {
        NotificationKind.Workflow => Icons.Material.Outlined.AccountTree,
        NotificationKind.Escalation => Icons.Material.Outlined.TrendingUp,
        NotificationKind.SlaEscalation => Icons.Material.Outlined.AlarmOn,
        NotificationKind.Unassigned => Icons.Material.Outlined.PersonOff,
        NotificationKind.Assigned => Icons.Material.Outlined.AssignmentInd,
        NotificationKind.Mentioned => Icons.Material.Outlined.AlternateEmail,
        // A kind added without its own icon still shows as a notification.
        _ => Icons.Material.Outlined.Notifications,
    };

    public static Color Color(NotificationKind kind) => kind switch
    {
        NotificationKind.Escalation or NotificationKind.SlaEscalation => MudBlazor.Color.Error,
        NotificationKind.Unassigned => MudBlazor.Color.Warning,
        NotificationKind.Assigned => MudBlazor.Color.Primary,
        NotificationKind.Mentioned => MudBlazor.Color.Info,
        _ => MudBlazor.Color.Default,
    };

    /// <summary>The kind's name (<c>NotificationKind.{kind}</c>); LocalizationTests holds every kind to having one in both languages.</summary>
    public static string Label(IStringLocalizer<SharedResource> l, NotificationKind kind) => l[$"NotificationKind.{kind}"];
}
