using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Account.Components;

/// <summary>
/// A switch per notification kind (every kind there is), saved together against the version read; a save from another
/// tab is shown here as it happens, so a stale form is rare and, if saved anyway, refused with the concurrency message.
/// </summary>
public sealed partial class NotificationPreferencesForm : IDisposable
{
    [Inject] private NotificationPreferenceService Preferences { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<NotificationPreferencesForm> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private Actor? _actor;
    private NotificationChoices? _saved;
    private Dictionary<NotificationKind, bool>? _wanted;
    private bool _busy;
    private LiveChanges? _live;

    private bool Changed => _saved is not null && _wanted is not null && _wanted.Any(w => _saved.Wanted[w.Key] != w.Value);

    protected override async Task OnInitializedAsync()
    {
        _actor = await CurrentUser.RequireAsync();
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.NotificationPreferences && c.UserId == _actor.UserId,
                () => InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                }), Time, logger: Logger);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _saved = await Preferences.GetAsync(_actor!);
        _wanted = new Dictionary<NotificationKind, bool>(_saved.Wanted);
    }

    private async Task SaveAsync()
    {
        _busy = true;
        try
        {
            var muted = _wanted!.Where(w => !w.Value).Select(w => w.Key).ToList();
            await Preferences.SaveAsync(_actor!, _saved!.Version, muted);
            Snackbar.Add(L["Account.NotificationsSaved"], Severity.Success);
            await LoadAsync();
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
            if (ex is ConcurrencyConflictException)
            {
                await LoadAsync();
            }
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose() => _live?.Dispose();
}
