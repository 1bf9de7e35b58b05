using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Revenue;

/// <summary>
/// 营收看板: KPIs, trend, regions, categories and top technicians for a period, drilling from provinces to a province's
/// cities to a city's settled tickets; everything in the URL, re-read live when a settlement or ticket changes.
/// </summary>
public partial class RevenueDashboardPage : IDisposable
{
    private const int TicketPageSize = 20;

    private RevenueUrl? _url;
    private DashboardRegionPath? _path;
    private RevenueDashboard? _dashboard;
    private IReadOnlyList<SettledTicketRow> _tickets = [];
    private int _ticketTotal;
    private bool _linkTickets;
    private ViewState _state;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private LiveChanges? _live;

    // What the live filter compares a change's region with; read on the publisher's thread, so replaced, never mutated.
    private volatile HashSet<long>? _shownRegions;

    private enum ViewState { Loading, Ready, Denied, NotFound, PeriodRefused }

    [Inject] private IRevenueDashboardReader Reader { get; set; } = default!;
    [Inject] private DashboardRegionService Regions { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")] private string? Preset { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "province")] private string? Province { get; set; }
    [SupplyParameterFromQuery(Name = "city")] private string? City { get; set; }
    [SupplyParameterFromQuery(Name = "page")] private string? PageNumber { get; set; }

    // Nothing settled: the reader still lists each region the viewer sees, all zero, which would only draw empty charts.
    private bool IsEmpty => _dashboard is { } d && d.Revenue.Value == 0 && d.Cost.Value == 0 && d.Settled.Value == 0;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, IsShown, () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _url = RevenueUrl.Parse(Preset, From, To, Province, City, PageNumber, ChinaTime.Today(Time));
        await LoadAsync();
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Export(string table) => RevenueUrl.Export(table, _url!.Period, _path?.ProvinceId, _path?.CityId);

    // A settlement carries no region: it always refreshes. A ticket outside the regions on screen does not.
    private bool IsShown(Change change) => (change.Kind == ChangeKinds.Settlement || change.Kind == ChangeKinds.Ticket)
        && (change.RegionId is not { } region || _shownRegions is not { } shown || shown.Contains(region));

    private async Task LoadAsync()
    {
        var url = _url!;
        (_dashboard, _tickets, _ticketTotal) = (null, [], 0);
        _state = await ReadAsync(url);
        _breadcrumbs = Breadcrumbs(url.Period, _path);
        _shownRegions = _state != ViewState.Ready || _path!.ProvinceId is null
            ? null
            : [_path.ProvinceId.Value, .. _path.CityId is { } city ? [city] : _dashboard!.ByRegion.Select(r => r.RegionId)];
    }

    private async Task<ViewState> ReadAsync(RevenueUrl url)
    {
        if (url.PeriodErrorKey is not null)
        {
            return ViewState.PeriodRefused;
        }

        try
        {
            var actor = await CurrentUser.RequireAsync();
            _linkTickets = Tickets.TicketAccessRules.OpensTicketsFromLists(actor);
            _path = await Regions.FindAsync(actor, url.ProvinceId, url.CityId);
            if (_path is null)
            {
                return ViewState.NotFound;
            }

            _dashboard = await Reader.ReadAsync(actor, url.Period, _path.Filter, CancellationToken.None);
            if (_path.CityId is { } city)
            {
                (_tickets, _ticketTotal) = await Reader.SettledTicketsAsync(actor, url.Period, city, url.Page, TicketPageSize, CancellationToken.None);
            }

            return ViewState.Ready;
        }
        catch (ForbiddenException)
        {
            // Never another region's numbers: whatever was read is dropped with the refusal.
            (_dashboard, _tickets, _ticketTotal, _path) = (null, [], 0, null);
            return ViewState.Denied;
        }
    }

    private List<BreadcrumbItem> Breadcrumbs(DashboardPeriod period, DashboardRegionPath? path)
    {
        if (path?.ProvinceId is not { } province)
        {
            return [];
        }

        List<BreadcrumbItem> items = [new(L["RevenueDashboard.AllRegions"], RevenueUrl.Link(period))];
        items.Add(new(path.ProvinceName!, path.CityId is null ? null : RevenueUrl.Link(period, province), disabled: path.CityId is null));
        if (path.CityId is not null)
        {
            items.Add(new(path.CityName!, null, disabled: true));
        }

        return items;
    }
}
