using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>
/// 运营指标: the operations KPIs of the viewer's regions for a period — tiles for the total, a table per region that
/// drills from provinces to cities, every number linked to its tickets. Period and province live in the URL.
/// </summary>
public partial class OperationsDashboardPage : IDisposable
{
    private static readonly HashSet<string> LiveKinds = [ChangeKinds.Ticket, ChangeKinds.Settlement, ChangeKinds.Catalog];

    private DashboardPeriod _period = DashboardPeriod.For(PeriodPreset.Today, DateOnly.MinValue);
    private DateOnly _today;
    private string? _periodError;
    private bool _forbidden;
    private bool _regionNotFound;
    private bool _mayOpenParts;
    private OperationsDashboard? _dashboard;
    private DashboardTable? _table;
    private IReadOnlyList<Option<long>> _provinces = [];
    private string? _loadedFor;
    private HashSet<long>? _liveRegions;
    private LiveChanges? _live;

    [Inject] private IOperationsDashboardReader Reader { get; set; } = default!;
    [Inject] private DashboardRegionService Regions { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private ILogger<OperationsDashboardPage> Logger { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "period")] private string? PeriodName { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    // Text, not long?: a hand-edited "abc" must not fail the page; UrlValues ignores it.
    [SupplyParameterFromQuery(Name = "province")] private string? Province { get; set; }

    private long? ProvinceIdValue => UrlValues.ParseId(Province);

    // The picker shows a province only when it offers it: an id typed into the URL is never echoed back.
    private long PickedProvince => _provinces.Any(p => p.Id == ProvinceIdValue) ? ProvinceIdValue!.Value : 0;

    // The breadcrumb names a province only once its numbers are shown: a refused id gets no "#999999" crumb.
    private string? ProvinceName => ProvinceIdValue is { } id && _dashboard is not null && !_forbidden
        ? _provinces.FirstOrDefault(p => p.Id == id)?.Name ?? _dashboard.Total.Name
        : null;

    protected override async Task OnInitializedAsync()
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var actor = await CurrentUser.RequireAsync();
        _mayOpenParts = actor.Role == Role.Admin;
        try
        {
            _provinces = await Regions.ProvincesAsync(actor);
        }
        catch (ForbiddenException)
        {
            _forbidden = true;
        }

        // Tickets move the counts, settlements the fixes and ratings, the catalog the stock; no polling.
        _live = LiveChanges.Subscribe(Feed, c => LiveKinds.Contains(c.Kind) && Concerns(c), () => InvokeAsync(async () =>
        {
            await LoadAsync();
            StateHasChanged();
        }), Time, logger: Logger);
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override async Task OnParametersSetAsync()
    {
        _today = ChinaTime.Today(Time);
        _period = DashboardPeriod.Parse(PeriodName, From, To, _today, out _periodError);
        var key = OperationsLinks.Query(_period, ProvinceIdValue) + "|" + _periodError;
        if (RendererInfo.IsInteractive && key != _loadedFor)
        {
            _loadedFor = key;
            await LoadAsync();
        }
    }

    private async Task LoadAsync()
    {
        _regionNotFound = false;
        if (_periodError is not null)
        {
            (_dashboard, _table) = (null, null);
            return;
        }

        try
        {
            var dashboard = await Reader.ReadAsync(await CurrentUser.RequireAsync(), _period, new RegionFilter(ProvinceIdValue, null), CancellationToken.None);
            (_dashboard, _table, _forbidden, _regionNotFound) = (dashboard, OperationsTable.Build(dashboard, L), false, false);
            // Inside a province only its own cities' changes matter; a change that names no region always does.
            _liveRegions = ProvinceIdValue is { } province ? [province, .. dashboard.ByRegion.Select(r => r.RegionId).OfType<long>()] : null;
        }
        catch (ForbiddenException)
        {
            // Never another region's numbers: what was shown goes, the refusal takes its place.
            (_dashboard, _table, _forbidden) = (null, null, true);
        }
        catch (DomainException e) when (e.Code == DashboardRegions.NotFoundCode)
        {
            // Only the central desk gets here (anyone else is refused alike): an id that names no province.
            (_dashboard, _table, _regionNotFound) = (null, null, true);
        }
    }

    private bool Concerns(Change change) =>
        change.Kind == ChangeKinds.Catalog || change.RegionId is null || _liveRegions is not { } regions || regions.Contains(change.RegionId.Value);

    private void ChoosePeriod(DashboardPeriod period) => Navigation.NavigateTo(OperationsLinks.Page(period, ProvinceIdValue));

    private void ChooseProvince(long provinceId) => Navigation.NavigateTo(OperationsLinks.Page(_period, provinceId == 0 ? null : provinceId));

    private List<BreadcrumbItem> Breadcrumbs(string provinceName) =>
    [
        new(L["Ops.AllRegions"], OperationsLinks.Page(_period, null)),
        new(provinceName, null, disabled: true),
    ];
}
