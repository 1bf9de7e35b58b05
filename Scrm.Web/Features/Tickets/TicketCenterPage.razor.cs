using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

public partial class TicketCenterPage : IDisposable
{
    private MudDataGrid<TicketRow>? _grid;
    private TicketFilter _filter = new();
    private LiveChanges? _live;

    [Inject] private Scrm.Web.Security.CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private ILogger<TicketCenterPage> Logger { get; set; } = default!;

    // The filters live in the URL, so a filtered list can be bookmarked, shared and reloaded.
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string[]? Statuses { get; set; }
    [SupplyParameterFromQuery(Name = "urgency")] private string[]? Urgencies { get; set; }
    // Ids arrive as text: a hand-edited "abc" or an overflowing number must not fail the page before FromUrl ignores it.
    [SupplyParameterFromQuery(Name = "region")] private string? RegionId { get; set; }
    [SupplyParameterFromQuery(Name = "assignee")] private string? AssigneeId { get; set; }
    [SupplyParameterFromQuery(Name = "template")] private string? TemplateId { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "sla")] private string? Sla { get; set; }

    protected override void OnInitialized()
    {
        // The desk sees every ticket, so any ticket change may move a row; the grid reloads its current page, sort and filters.
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, c => c.Kind == ChangeKinds.Ticket,
                () => InvokeAsync(() => _grid?.ReloadServerData() ?? Task.CompletedTask), Time, logger: Logger);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        var filter = TicketFilter.FromUrl(Search, Statuses, Urgencies, RegionId, AssigneeId, TemplateId, From, To, Sla);
        if (filter == _filter)
        {
            return;
        }

        _filter = filter;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<TicketRow>> LoadAsync(GridState<TicketRow> state, CancellationToken ct)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = _filter.ToQuery() with
        {
            Page = state.Page,
            PageSize = state.PageSize,
            SortBy = sort is not null && Enum.TryParse<TicketSort>(sort.SortBy, out var by) ? by : TicketSort.UpdatedAt,
            Descending = sort?.Descending ?? true,
        };
        var result = await Tickets.ListAsync(await CurrentUser.RequireAsync(), query, ct);
        return new GridData<TicketRow> { Items = result.Items, TotalItems = result.Total };
    }

    private Task ApplyFilterAsync(TicketFilter filter)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToUrlParameters()), replace: true);
        return Task.CompletedTask;
    }

    private Task OpenAsync(DataGridRowClickEventArgs<TicketRow> args)
    {
        Navigation.NavigateTo($"tickets/{args.Item.Id}");
        return Task.CompletedTask;
    }
}
