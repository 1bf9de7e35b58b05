using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Settlements.Components;

/// <summary>
/// The work recorded on a ticket and its settlements, kept live: what another user records, or a settlement posting,
/// shows here at once (the change feed's Settlement changes carry the ticket's id).
/// </summary>
public partial class TicketWork : IDisposable
{
    private TicketWorkView? _view;
    private WorkOptions? _options;
    private LiveChanges? _live;
    private bool _busy;

    /// <summary>The ticket whose work is shown.</summary>
    [Parameter, EditorRequired] public long TicketId { get; set; }

    /// <summary>Render as panels of the enclosing <c>MudTabs</c> (the ticket page); otherwise stacked (the phone).</summary>
    [Parameter] public bool AsTabs { get; set; }

    [Inject] private WorkService Works { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<TicketWork> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var ticketId = TicketId;
        _live = LiveChanges.Subscribe(Feed, c => c.Id == ticketId && c.Kind is ChangeKinds.Settlement or ChangeKinds.Ticket,
            () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }), Clock, logger: Logger);
        await LoadAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private async Task LoadAsync()
    {
        var actor = await CurrentUser.RequireAsync();
        try
        {
            _view = await Works.GetAsync(actor, TicketId);
            _options = _view.CanRecord ? _options ?? await Works.OptionsAsync(actor) : null;
        }
        catch (DomainException)
        {
            // No longer theirs (reassigned) or gone: the page around says so; the tab shows nothing of it.
            _view = new TicketWorkView(TicketId, [], false, null, []);
        }
    }

    /// <summary>Called by the add form; a refusal goes back to it to show at the field.</summary>
    private async Task RecordAsync(WorkForm form)
    {
        await Works.RecordAsync(await CurrentUser.RequireAsync(), TicketId, form);
        Snackbar.Add(L["Work.Recorded"], Severity.Success);
        await LoadAsync();
    }

    private async Task RemoveAsync(WorkLineRow line)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Work.RemoveTitle"],
            L["Work.RemoveConfirm", line.Name, $"{Quantity.Format(line.Quantity)} {line.Unit}"],
            yesText: L["Work.Remove"], cancelText: L["Common.Cancel"]);
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await Works.RemoveAsync(await CurrentUser.RequireAsync(), line.Id, line.Version);
            Snackbar.Add(L["Work.Removed", line.Name], Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }

        await LoadAsync();
    }
}
