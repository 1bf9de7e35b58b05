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
public partial class BoardPage : IBoardActions
{
    private const string MineKey = "mine";

    private BoardView? _board;
    private Actor? _user;
    private bool _notFound;
    private bool _closedOpen;
    private bool _restoreScroll = true;
    private BoardFilter _filter = new();
    private string? _loadedKey;
    private Dictionary<string, IReadOnlyList<BoardCard>> _cells = [];
    private List<ColumnView> _columns = [];
    private List<LaneView> _lanes = [];
    private readonly Dictionary<string, int> _hidden = [];
    private readonly Dictionary<string, int> _shown = [];
    private List<BreadcrumbItem> _breadcrumbs = [];
    private ElementReference _boardElement;
    private BoardScript? _script;

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
        if (_board is not null && _restoreScroll)
        {
            _restoreScroll = false;
            _script ??= new BoardScript(Js);
            await _script.EnableDragAsync(_boardElement);
            await _script.RestoreAsync(ScrollKey, _boardElement);
        }
    }

    private string ScrollKey => $"scrm-board:{Key}";

    private async Task LoadAsync()
    {
        _board = RequestedKey is { } key ? await Boards.GetAsync(_user!, key, _filter) : null;
        _notFound = _board is null;
        _breadcrumbs = [new(L["Nav.Tickets"], "tickets"), new(L["Nav.Boards"], "boards"), new(_board is null ? "" : BoardTitle, null, disabled: true)];
        await ArrangeAsync();
    }

    /// <summary>
    /// Groups the board's tickets into columns and lanes and shows each cell's first cards. Only the shown tickets are
    /// held as cards: one that comes into view (a card above it left, or "显示更多") is read then.
    /// </summary>
    private async Task ArrangeAsync()
    {
        if (_board is null)
        {
            return;
        }

        var cells = BoardCells.Group(_board.Slots, _filter.Lanes);
        var shown = BoardCells.Shown(cells, _shown).ToList();
        var missing = shown.Where(s => !_board.Cards.ContainsKey(s.Id)).Select(s => s.Id).ToList();
        if (missing.Count > 0)
        {
            var (found, graphs) = await Boards.CardsAsync(_user!, _board, _filter, missing);
            var gone = missing.Except(found.Select(c => c.Id)).ToHashSet();
            _board = _board with
            {
                // A ticket that changed since the board was read takes its new place; one that is gone leaves.
                Slots = [.. _board.Slots.Where(s => !missing.Contains(s.Id)), .. found.Select(c => c.Slot)],
                Cards = _board.Cards.Values.Concat(found).ToDictionary(c => c.Id),
                Graphs = graphs,
            };
            if (gone.Count > 0 || found.Any(c => c.Slot != shown.First(s => s.Id == c.Id)))
            {
                await ArrangeAsync();
                return;
            }
        }

        var shownIds = shown.Select(s => s.Id).ToHashSet();
        _board = _board with { Cards = _board.Cards.Values.Where(c => shownIds.Contains(c.Id)).ToDictionary(c => c.Id) };
        var board = _board;
        _hidden.Clear();
        _cells = [];
        foreach (var (zone, slots) in cells)
        {
            var pageSize = _shown.GetValueOrDefault(zone, BoardCells.PageSize);
            _hidden[zone] = Math.Max(0, slots.Count - pageSize);
            _cells[zone] = [.. slots.Take(pageSize).Select(s => board.Cards[s.Id])];
        }

        var byColumn = _board.Slots.GroupBy(s => s.ColumnKey).ToDictionary(g => g.Key, g => g.Count());
        _columns = _board.Columns
            .Where(c => c.Kind is BoardColumnKind.Node or BoardColumnKind.Status or BoardColumnKind.Closed || byColumn.ContainsKey(c.Key)
                || (c.Kind == BoardColumnKind.Waiting && _board.Graphs.Values.Any(g => g.Nodes.Any(n => n.Kind == Domain.Workflows.NodeKind.Timer))))
            .Select(c => new ColumnView(c, ColumnName(c), byColumn.GetValueOrDefault(c.Key), _board.Limits.GetValueOrDefault(c.Key)))
            .ToList();
        _lanes = LanesOf(_board.Slots);
    }

    private List<LaneView> LanesOf(IReadOnlyList<BoardSlot> slots)
    {
        var lanes = _filter.Lanes switch
        {
            BoardLanes.Assignee => slots.GroupBy(s => s.AssigneeId ?? "").OrderBy(g => g.Key.Length == 0).ThenBy(g => g.First().AssigneeName)
                .Select(g => (Key: g.Key, Name: g.First().AssigneeName ?? L["Ticket.Unassigned"].Value, Count: g.Count())).ToList(),
            BoardLanes.Urgency => Enum.GetValues<Urgency>().Select(u => (Key: u.ToString(), Name: L[$"Urgency.{u}"].Value, Count: slots.Count(s => s.Urgency == u)))
                .ToList(),
            _ => [(Key: (string?)null, Name: "", Count: slots.Count)!],
        };
        return lanes.Select((l, i) => new LaneView(l.Key, l.Name, l.Count, i == 0)).ToList();
    }

    private string? LaneOf(BoardCard card) => BoardCells.LaneOf(_filter.Lanes, card.AssigneeId, card.Urgency);

    private static string Zone(string column, string? lane) => BoardCells.Zone(column, lane);

    private IReadOnlyList<BoardCard> CardsIn(string zone) => _cells.GetValueOrDefault(zone) ?? [];

    private void ToggleClosed() => _closedOpen = !_closedOpen;

    private string ColumnName(BoardColumnDef column) => column.Kind switch
    {
        BoardColumnKind.Node => column.Name,
        BoardColumnKind.Status => L[$"Status.{column.Status}"],
        _ => L[$"BoardColumn.{column.Kind}"],
    };

    private Task ShowMoreAsync(string zone)
    {
        _shown[zone] = _shown.GetValueOrDefault(zone, BoardCells.PageSize) + BoardCells.PageSize;
        return ArrangeAsync();
    }

    private Task ApplyFilterAsync(BoardFilter filter)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(filter.ToUrlParameters()), replace: true);
        return Task.CompletedTask;
    }

    public async Task OpenAsync(BoardCard card)
    {
        _script ??= new BoardScript(Js);
        await _script.SaveAsync(ScrollKey, _boardElement);
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
