using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Workflows.Designer;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Dashboards.Dwell;

/// <summary>
/// 节点耗时: a published workflow version drawn read-only, each node coloured by its median (or p90) dwell time
/// against the slowest node; a node's slowest visits on click; the node table with its export. State in the URL.
/// </summary>
public sealed partial class DwellPage : IDisposable
{
    /// <summary>How many slowest visits the side panel lists.</summary>
    public const int SlowestCount = 10;

    private IReadOnlyList<DwellVersionOption>? _versions;
    private DashboardPeriod _period = null!;
    private string? _periodError;
    private DwellView? _view;
    private DashboardTable? _table;
    private Dictionary<string, NodeOverlay> _overlays = [];
    private double _max;
    private DwellNodeRow? _selected;
    private IReadOnlyList<SlowVisitRow>? _slowest;
    private bool _notFound;
    private bool _forbidden;
    private long _liveTemplateId;
    private LiveChanges? _live;

    [SupplyParameterFromQuery(Name = "workflow")] private string? Workflow { get; set; }
    [SupplyParameterFromQuery(Name = "period")] private string? PeriodPreset { get; set; }
    [SupplyParameterFromQuery(Name = "from")] private string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }
    [SupplyParameterFromQuery(Name = "metric")] private string? MetricText { get; set; }

    [Inject] private IDwellTimeReader Reader { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Time { get; set; } = default!;
    [Inject] private ILogger<DwellPage> Logger { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The measure the heat map shows: "Median" (default) or "P90".</summary>
    private string Metric => string.Equals(MetricText, "p90", StringComparison.OrdinalIgnoreCase) ? "P90" : "Median";

    private long? SelectedTemplateId => _view?.Version.TemplateId
        ?? _versions?.FirstOrDefault(v => v.Id == UrlValues.ParseId(Workflow))?.TemplateId;

    private string ExportHref => $"{DwellEndpoints.NodesPath}?{Query(workflow: _view?.Version.Id)}";

    protected override void OnInitialized() =>
        // The filter runs on the publisher's thread: it reads only a field written whole.
        _live = LiveChanges.Subscribe(Feed,
            c => c.Kind == ChangeKinds.Ticket && c.What.Contains(nameof(Ticket.CurrentNodeId))
                && (c.TemplateId is null || c.TemplateId == Interlocked.Read(ref _liveTemplateId)),
            () => InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            }),
            Time, logger: Logger);

    protected override Task OnParametersSetAsync() => LoadAsync();

    public void Dispose() => _live?.Dispose();

    private async Task LoadAsync()
    {
        try
        {
            var actor = await CurrentUser.RequireAsync();
            _versions ??= await Reader.VersionsAsync(actor);
            _period = DashboardPeriod.Parse(PeriodPreset, From, To, ChinaTime.Today(Time), out _periodError);
            var versionId = string.IsNullOrEmpty(Workflow) ? (_versions.Count > 0 ? _versions[0].Id : null) : UrlValues.ParseId(Workflow);
            _view = versionId is { } id && _periodError is null ? await Reader.ReadAsync(actor, id, _period) : null;
            _notFound = _periodError is null && _view is null;
            Interlocked.Exchange(ref _liveTemplateId, _view?.Version.TemplateId ?? 0);
            Present();
            if (_selected is not null)
            {
                _slowest = await Reader.SlowestAsync(actor, _view!.Version.Id, _selected.NodeId, _period, SlowestCount);
            }
        }
        catch (ForbiddenException)
        {
            _forbidden = true;
        }
    }

    // Colours and captions for the canvas, the table rows, and the node still selected (if it is still there).
    private void Present()
    {
        _selected = _view?.Nodes.FirstOrDefault(n => n.NodeId == _selected?.NodeId);
        if (_view is null)
        {
            _table = null;
            _overlays = [];
            return;
        }

        _table = DwellTable.Build(_view, L);
        _max = _view.Nodes.Select(Measure).Max() ?? 0;
        _overlays = _view.Nodes.ToDictionary(n => n.NodeId, n => new NodeOverlay(
            DwellText.HeatStep(Measure(n), _max) is { } step ? ScrmTheme.HeatScale[step] : "var(--mud-palette-surface)",
            n.Count == 0
                ? L["Dwell.NodeCaptionEmpty", n.Open].Value
                : L["Dwell.NodeCaption", DwellText.Minutes(L, n.MedianMinutes), DwellText.Minutes(L, n.P90Minutes), n.Count].Value,
            L["Dwell.NodeTooltip", n.Name, n.Count, DwellText.Minutes(L, n.MedianMinutes), DwellText.Minutes(L, n.P90Minutes), n.Open].Value));
    }

    private double? Measure(DwellNodeRow node) => Metric == "P90" ? node.P90Minutes : node.MedianMinutes;

    private async Task PickNodeAsync(string nodeId)
    {
        if (_view?.Nodes.FirstOrDefault(n => n.NodeId == nodeId) is not { } node)
        {
            return;
        }

        _selected = node;
        _slowest = null;
        try
        {
            _slowest = await Reader.SlowestAsync(await CurrentUser.RequireAsync(), _view.Version.Id, nodeId, _period, SlowestCount);
        }
        catch (ForbiddenException)
        {
            _forbidden = true;
        }
    }

    private void CloseNode() => _selected = null;

    private void PickTemplate(long? templateId)
    {
        if (_versions?.FirstOrDefault(v => v.TemplateId == templateId) is { } latest)
        {
            Go(Query(workflow: latest.Id));
        }
    }

    private void PickVersion(long? versionId) => Go(Query(workflow: versionId));

    private void PickPeriod(string periodQuery) => Go(Query(workflow: _view?.Version.Id, period: periodQuery));

    private void PickMetric(string metric) => Go(Query(workflow: _view?.Version.Id, metric: metric));

    private string VersionText(DwellVersionOption v) => v.PublishedAt is { } at
        ? L["Dwell.VersionPublished", v.Number, $"{ChinaTime.FromUtc(at):yyyy-MM-dd}"]
        : L["Dwell.VersionNumber", v.Number];

    private string Query(long? workflow, string? period = null, string? metric = null)
    {
        var parts = new List<string>();
        if (workflow is { } id)
        {
            parts.Add($"workflow={id}");
        }

        parts.Add(period ?? (_periodError is null ? _period.ToQuery() : "period=today"));
        if ((metric ?? Metric) == "P90")
        {
            parts.Add("metric=p90");
        }

        return string.Join('&', parts);
    }

    private void Go(string query) => Navigation.NavigateTo($"dashboards/dwell?{query}");
}
