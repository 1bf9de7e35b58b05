using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Notifications;

/// <summary>
/// The app bar's bell: the unread count, the newest notifications, and a click that opens the ticket and marks the
/// notification read. Kept live from the change feed, so a notification shows up without a reload.
/// </summary>
public sealed partial class NotificationBell
{
    [Inject] private NotificationService Notifications { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<NotificationBell> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private Actor? _actor;
    private LiveChanges? _live;
    private int _unread;
    private IReadOnlyList<NotificationRow> _rows = [];

    // Past 99 the exact number tells nothing more and would widen the app bar.
    private string BadgeText => _unread > 99 ? "99+" : _unread.ToString(System.Globalization.CultureInfo.InvariantCulture);

    protected override async Task OnInitializedAsync()
    {
        // Subscribed before the first read, so nothing committed in between is missed. Reads _actor on the publisher's
        // thread: until it is known, no change can be ours to show.
        _live = LiveChanges.Subscribe(Feed,
            c => c.Kind == ChangeKinds.Notification && _actor is { } me && c.RecipientId == me.UserId,
            () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }),
            Time, logger: Logger);
        // A principal that carries no actor (no id or role claim) has no notifications: no bell, rather than a broken layout.
        _actor = await CurrentUser.GetAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        if (_actor is null)
        {
            return;
        }

        _unread = await Notifications.UnreadCountAsync(_actor);
        _rows = await Notifications.ListAsync(_actor);
    }

    private string Describe(NotificationRow row) => row switch
    {
        { Kind: NotificationKind.Escalation } => L["Bell.Escalated", row.Text],
        { Kind: NotificationKind.SlaEscalation } => L["Bell.SlaEscalated", L[$"SlaTarget.{row.Text}"]],
        { Kind: NotificationKind.Assigned, Text: "" } => L["Bell.AssignedByRule"],
        { Kind: NotificationKind.Assigned } => L["Bell.Assigned", row.Text],
        { Kind: NotificationKind.Mentioned } => L["Bell.Mentioned", row.Text],
        { Kind: NotificationKind.Unassigned } => L["Bell.Unassigned"],
        { Text: "" } => L["Bell.NoText"],
        _ => row.Text,
    };

    private async Task OpenAsync(NotificationRow row)
    {
        if (!row.IsRead && !await TryAsync(() => Notifications.MarkReadAsync(_actor!, row.Id)))
        {
            return;
        }

        Navigation.NavigateTo($"/tickets/{row.TicketId}");
    }

    private async Task MarkAllReadAsync()
    {
        if (await TryAsync(() => Notifications.MarkAllReadAsync(_actor!)))
        {
            // The feed would refresh too, a moment later; the user who clicked sees it at once.
            await LoadAsync();
        }
    }

    // The bell lives in the layout, outside the page's error boundary: a refusal must become a message, not end the circuit.
    private async Task<bool> TryAsync(Func<Task> command)
    {
        try
        {
            await command();
            return true;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
            return false;
        }
    }

    public void Dispose() => _live?.Dispose();
}
