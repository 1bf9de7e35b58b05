using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Boards;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Boards.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// 看板: one template's board (columns = its workflow's human steps) or 我的看板 (the user's tickets, columns = status).
/// Loading, layout and navigation here; drops in BoardPage.Drops.cs; live updates in BoardPage.Live.cs.
/// </summary>
public partial class BoardPage
{
    /// <summary>How many cards a column (or a lane's cell) shows before "显示更多".</summary>
    public const int PageSize = 50;

    private const string MineKey = "mine";

    private BoardView? _board;
    private Actor? _user;
    private bool _notFound;
    private bool _closedOpen;
    private bool _restoreScroll = true;
    private bool _zonesStale;
    private BoardFilter _filter = new();
    private string? _loadedKey;
    private List<BoardCard> _visible = [];
    private List<ColumnView> _columns = [];
    private List<LaneView> _lanes = [];
    private readonly Dictionary<string, int> _hidden = [];
    private readonly Dictionary<string, int> _shown = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private MudDropContainer<BoardCard>? _container;
    private ElementReference _boardElement;
    private BoardScroll? _scroll;

    /// <summary>The template id, or "mine" — text, so "/boards/abc" shows "not found" instead of failing.</summary>
    [Parameter] public string Key { get; set; } = "";

    [SupplyParameterFromQuery(Name = "mine")] private string? MineFilter { get; set; }
    [SupplyParameterFromQuery(Name = "team")] private string? Team { get; set; }
    [SupplyParameterFromQuery(Name = "region")] private string? Region { get; set; }
    [SupplyParameterFromQuery(Name = "urgency")] private string[]? Urgencies { get; set; }
    [SupplyParameterFromQuery(Name = "sla")] private string[]? Bands { get; set; }
    [SupplyParameterFromQuery(Name = "assignee")] private string? Assignee { get; set; }
    [SupplyParameterFromQuery(Name = "customer")] private string? Customer { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "lanes")] private string? Lanes { get; set; }

    [Inject] private BoardService Boards { get; set; } = default!;
    [Inject] private Tickets.TicketService Tickets { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;
    [Inject] private Microsoft.JSInterop.IJSRuntime Js { get; set; } = default!;

    private BoardKey? RequestedKey => Key == MineKey ? BoardKey.Mine : UrlValues.ParseId(Key) is { } id ? new BoardKey(id) : null;

    private string BoardTitle => _board is null ? "" : _board.Key.IsMine ? L["Board.MineTitle"] : L["Board.Title", _board.Title];

    private bool CanSetLimits => _user?.Role == Role.Admin && _board?.Key.TemplateId is not null;

    private bool CanReassign => _user?.Role is Role.Supervisor or Role.Admin;

    protected override async Task OnParametersSetAsync()
    {
        // The prerender shows the loading bar only; the interactive render reads the board once.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        var filter = BoardFilter.FromUrl(MineFilter, Team, Region, Urgencies, Bands, Assignee, Customer, Search, Lanes);
        if (_loadedKey == Key && filter == _filter && _board is not null)
        {
            return;
        }

        _filter = filter;
        _loadedKey = Key;
        _user ??= await CurrentUser.RequireAsync();
        await LoadAsync();
        StartLive();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Drop zones have only text parameters, so a new item list does not re-render them: the container is told once it has it.
        if (_zonesStale && _container is not null)
        {
            _zonesStale = false;
            _container.Refresh();
        }

        if (_board is not null && _restoreScroll)
        {
            _restoreScroll = false;
            _scroll ??= new BoardScroll(Js);
            await _scroll.RestoreAsync(ScrollKey, _boardElement);
        }
    }

    private string ScrollKey => $"scrm-board:{Key}";

    private async Task LoadAsync()
    {
        _board = RequestedKey is { } key ? await Boards.GetAsync(_user!, key, _filter) : null;
        _notFound = _board is null;
        _breadcrumbs = [new(L["Nav.Tickets"], "tickets"), new(L["Nav.Boards"], "boards"), new(_board is null ? "" : BoardTitle, null, disabled: true)];
        Arrange();
    }

    /// <summary>Groups the cards into columns and lanes, keeping each cell to the cards it shows.</summary>
    private void Arrange()
    {
        if (_board is null)
        {
            return;
        }

        // Most urgent first, then longest waiting: the query's order, kept when live refreshes add cards.
        var cards = _board.Cards.Where(c => _filter.Bands.Count == 0 || (c.Sla is { } s && _filter.Bands.Contains(s.Band)))
            .OrderBy(c => c.Urgency).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
        var byColumn = cards.GroupBy(c => c.ColumnKey).ToDictionary(g => g.Key, g => g.Count());
        _columns = _board.Columns
            .Where(c => c.Kind is BoardColumnKind.Node or BoardColumnKind.Status or BoardColumnKind.Closed || byColumn.ContainsKey(c.Key)
                || (c.Kind == BoardColumnKind.Waiting && _board.Graphs.Values.Any(g => g.Nodes.Any(n => n.Kind == Domain.Workflows.NodeKind.Timer))))
            .Select(c => new ColumnView(c, ColumnName(c), byColumn.GetValueOrDefault(c.Key), _board.Limits.GetValueOrDefault(c.Key)))
            .ToList();
        _lanes = LanesOf(cards);
        _zonesStale = true;
        _visible = [];
        _hidden.Clear();
        foreach (var cell in cards.GroupBy(c => Zone(c.ColumnKey, LaneOf(c))))
        {
            var cellCards = ClosedLast(cell);
            var take = _shown.GetValueOrDefault(cell.Key, PageSize);
            _visible.AddRange(cellCards.Take(take));
            _hidden[cell.Key] = Math.Max(0, cellCards.Count - take);
        }
    }

    // The closed column shows the most recently finished first; the others the query's order (urgent, then oldest).
    private static List<BoardCard> ClosedLast(IGrouping<string, BoardCard> cell) =>
        cell.First().ColumnKey == BoardLayout.ClosedKey ? [.. cell.OrderByDescending(c => c.UpdatedAt)] : [.. cell];

    private List<LaneView> LanesOf(List<BoardCard> cards)
    {
        var lanes = _filter.Lanes switch
        {
            BoardLanes.Assignee => cards.GroupBy(c => c.AssigneeId ?? "").OrderBy(g => g.Key.Length == 0).ThenBy(g => g.First().AssigneeName)
                .Select(g => (Key: g.Key, Name: g.First().AssigneeName ?? L["Ticket.Unassigned"].Value, Count: g.Count())).ToList(),
            BoardLanes.Urgency => Enum.GetValues<Urgency>().Select(u => (Key: u.ToString(), Name: L[$"Urgency.{u}"].Value, Count: cards.Count(c => c.Urgency == u)))
                .ToList(),
            _ => [(Key: (string?)null, Name: "", Count: cards.Count)!],
        };
        return lanes.Select((l, i) => new LaneView(l.Key, l.Name, l.Count, i == 0)).ToList();
    }

    private string? LaneOf(BoardCard card) => _filter.Lanes switch
    {
        BoardLanes.Assignee => card.AssigneeId ?? "",
        BoardLanes.Urgency => card.Urgency.ToString(),
        _ => null,
    };

    private static string Zone(string column, string? lane) => lane is null ? column : $"{column}|{lane}";

    private bool InZone(BoardCard card, string zone) => Zone(card.ColumnKey, LaneOf(card)) == zone;

    private string ColumnName(BoardColumnDef column) => column.Kind switch
    {
        BoardColumnKind.Node => column.Name,
        BoardColumnKind.Status => L[$"Status.{column.Status}"],
        _ => L[$"BoardColumn.{column.Kind}"],
    };

    private void ShowMore(string zone)
    {
        _shown[zone] = _shown.GetValueOrDefault(zone, PageSize) + PageSize;
        Arrange();
    }

    private Task ApplyFilterAsync(BoardFilter filter)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToUrlParameters()), replace: true);
        return Task.CompletedTask;
    }

    private async Task OpenAsync(BoardCard card)
    {
        _scroll ??= new BoardScroll(Js);
        await _scroll.SaveAsync(ScrollKey, _boardElement);
        Navigation.NavigateTo($"tickets/{card.Id}");
    }

    private async Task SetLimitAsync(ColumnView column)
    {
        if (_board?.Key.TemplateId is not { } templateId)
        {
            return;
        }

        var parameters = new DialogParameters<WipLimitDialog>
        {
            { d => d.TemplateId, templateId },
            { d => d.ColumnKey, column.Def.Key },
            { d => d.Current, column.Limit },
        };
        var dialog = await Dialogs.ShowAsync<WipLimitDialog>(L["Board.SetWipFor", column.Name], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await LoadAsync();
        }
    }

    private sealed record ColumnView(BoardColumnDef Def, string Name, int Count, ColumnLimit? Limit);

    private sealed record LaneView(string? Key, string Name, int Count, bool IsFirst);
}
