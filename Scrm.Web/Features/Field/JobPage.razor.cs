using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Features.Boards.Components;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Field;

/// <summary>
/// One job on the phone: whom to call, where to go, what the ticket says, the workflow's buttons (the same commands and
/// checks as the ticket page) and the work recorded. Another technician's job reads as not found.
/// </summary>
public partial class JobPage : IDisposable
{
    private JobView? _job;
    private IReadOnlyList<JobAction> _actions = [];
    private bool _notFound;
    private bool _busy;
    private LiveChanges? _live;

    /// <summary>The ticket id as typed in the URL: text, so "/m/jobs/abc" shows "not found" instead of failing.</summary>
    [Parameter] public string Id { get; set; } = "";

    private long TicketId => UrlValues.ParseId(Id) ?? 0;

    [Inject] private FieldService Field { get; set; } = default!;
    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<JobPage> Logger { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _live?.Dispose();
        var ticketId = TicketId;
        // The page has no form to lose: another user's change (a reassignment, the desk's edit) simply shows.
        _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Ticket && c.Id == ticketId, () => InvokeAsync(async () =>
        {
            if (!_busy)
            {
                await LoadAsync();
                StateHasChanged();
            }
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
        _job = TicketId > 0 ? await Field.JobAsync(await CurrentUser.RequireAsync(), TicketId) : null;

        _notFound = _job is null;
        _actions = _job is null ? [] : JobAction.For(_job.Ticket, L);
    }

    private async Task PressAsync(JobAction action)
    {
        if (_job is not { } job || !action.CanPress)
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = await CurrentUser.RequireAsync();
            if (action.MissingFields.Count > 0)
            {
                if (!await AskFieldsAsync(job, action))
                {
                    return;
                }
            }
            else if (action.TransitionId is { } transition)
            {
                await Tickets.TransitionAsync(actor, job.Ticket.Id, job.Ticket.Version, transition);
            }
            else if (action.Status is { } status)
            {
                await Tickets.ChangeStatusAsync(actor, job.Ticket.Id, job.Ticket.Version, status);
            }

            Snackbar.Add(L["Jobs.Done", action.Label], Severity.Success);
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

    /// <summary>The board's dialog: exactly the required fields still empty, saved with the move as one change.</summary>
    private async Task<bool> AskFieldsAsync(JobView job, JobAction action)
    {
        var parameters = new DialogParameters<RequiredFieldsDialog>
        {
            { d => d.TicketId, job.Ticket.Id }, { d => d.Number, job.Ticket.Number }, { d => d.Version, job.Ticket.Version },
            { d => d.TransitionId, action.TransitionId! }, { d => d.TransitionLabel, action.Label }, { d => d.Fields, action.MissingFields },
        };
        var dialog = await Dialogs.ShowAsync<RequiredFieldsDialog>(L["Board.FieldsTitle"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>A search on 高德地图 (Amap), which every phone in China opens in its app or the browser.</summary>
    private static string MapLink(string address) => "https://uri.amap.com/search?keyword=" + Uri.EscapeDataString(address);
}
