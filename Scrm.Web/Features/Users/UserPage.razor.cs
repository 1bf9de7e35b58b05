using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Features.Users.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users;

public partial class UserPage : IDisposable
{
    private LiveChanges? _live;
    private UserDetail? _user;
    private IReadOnlyList<OpenTicketRow> _tickets = [];
    private IReadOnlyList<UserHistoryRow> _history = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _notFound;
    private bool _busy;
    private bool _conflict;
    private int _tab;
    private int _ticketsKey;

    /// <summary>The user's id as typed in the address: anything that is not a login id shows "not found".</summary>
    [Parameter] public string? Id { get; set; }

    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<UserPage> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        // Another admin working on the same person: show their change (and the new version) without a reload.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.User && c.UserId == _user?.Id,
                () => InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                }), Time, logger: Logger);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        // Login ids are GUIDs; garbage never reaches the database.
        _user = Guid.TryParse(Id, out _) ? await Users.GetAsync(actor, Id!) : null;
        _notFound = _user is null;
        _conflict = false;
        if (_user is not null)
        {
            _tickets = await Users.OpenTicketsAsync(actor, _user.Id);
            _history = await Users.HistoryAsync(actor, _user.Id);
            _ticketsKey++;
        }

        _breadcrumbs = [new(L["Nav.Users"], "admin/users"), new(_user?.DisplayName ?? "", null, disabled: true)];
    }

    private async Task EditAsync()
    {
        var choices = await Users.ChoicesAsync(await CurrentUser.RequireAsync());
        if (await UserDialogs.EditAsync(Dialogs, L, choices, _user) is not null)
        {
            await LoadAsync();
        }
    }

    private Task DeactivateAsync() => ActAsync(L["Users.Deactivate"], L["Users.DeactivateConfirm", _user!.DisplayName, _tickets.Count],
        (actor, version) => Users.DeactivateAsync(actor, _user.Id, version), L["Users.DeactivatedDone", _user.DisplayName]);

    private Task ReactivateAsync() => ActAsync(L["Users.Reactivate"], L["Users.ReactivateConfirm", _user!.DisplayName],
        (actor, version) => Users.ReactivateAsync(actor, _user.Id, version), L["Users.Reactivated", _user.DisplayName]);

    private Task UnlockAsync() => ActAsync(L["Users.Unlock"], L["Users.UnlockConfirm", _user!.DisplayName],
        (actor, version) => Users.UnlockAsync(actor, _user.Id, version), L["Users.Unlocked", _user.DisplayName]);

    private async Task ResetPasswordAsync()
    {
        var user = _user!;
        PasswordReset? reset = null;
        await ActAsync(L["Users.ResetPassword"], L["Users.ResetPasswordConfirm", user.DisplayName], async (actor, version) =>
        {
            reset = await Users.ResetPasswordAsync(actor, user.Id, version);
            return reset.Version;
        }, L["Users.PasswordResetDone", user.DisplayName]);
        if (reset is not null)
        {
            await UserDialogs.ShowPasswordAsync(Dialogs, L, user.UserName, reset.TemporaryPassword, isNew: false);
        }
    }

    /// <summary>Asks first (saying what will happen), then runs the command on the version shown; refusals say why.</summary>
    private async Task ActAsync(string title, string confirm, Func<Actor, long, Task<long>> command, string done)
    {
        if (await Dialogs.ShowMessageBoxAsync(title, confirm, yesText: title, cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await command(await CurrentUser.RequireAsync(), _user!.Version);
            Snackbar.Add(done, Severity.Success);
            await LoadAsync();
        }
        catch (ConcurrencyConflictException)
        {
            _conflict = true;
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
