using System.Collections.Frozen;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Home;

public partial class WorkbenchPage : IDisposable
{
    private WorkbenchView? _view;
    private string? _userId;
    private LiveChanges? _live;

    // The ids listed now, replaced whole on each load: the feed's thread reads it while the circuit's thread reloads.
    private volatile FrozenSet<long> _listed = FrozenSet<long>.Empty;

    [Inject] private WorkbenchService Workbench { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<WorkbenchPage> Logger { get; set; } = default!;

    private string Title => _view?.Kind == WorkbenchKind.Customer ? L["Nav.MyTickets"] : L["Nav.MyWork"];

    private string ListTitle => _view?.Kind switch
    {
        WorkbenchKind.Technician => "Workbench.MyJobs",
        WorkbenchKind.Customer => "Workbench.CustomerTickets",
        _ => "Workbench.OpenByUrgency",
    };

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        if (RendererInfo.IsInteractive && _view?.Kind is WorkbenchKind.Desk or WorkbenchKind.Technician or WorkbenchKind.Customer)
        {
            var kind = _view.Kind;
            _live = LiveChanges.Subscribe(Feed, c => Concerns(kind, c), () => InvokeAsync(async () =>
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

    private async Task LoadAsync()
    {
        var user = await CurrentUser.RequireAsync();
        _userId = user.UserId;
        _view = await Workbench.GetAsync(user);
        _listed = _view.Tickets.Select(t => t.Id).ToFrozenSet();
    }

    /// <summary>
    /// Whether a change can alter this user's list: the desk counts every ticket; a technician's jobs are those assigned
    /// to them now (a new one) or listed now (one taken away or finished); a customer's are those listed (the change
    /// does not name the customer, so a ticket opened for them by the desk shows on the next visit).
    /// </summary>
    private bool Concerns(WorkbenchKind kind, Change change) => change.Kind == ChangeKinds.Ticket && kind switch
    {
        WorkbenchKind.Desk => true,
        WorkbenchKind.Technician => change.AssigneeId == _userId || _listed.Contains(change.Id),
        _ => _listed.Contains(change.Id),
    };
}
