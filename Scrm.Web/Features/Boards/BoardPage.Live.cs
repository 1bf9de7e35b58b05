using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// The board's live part: the change feed names the tickets that changed; at the end of each coalescing window the
/// board re-reads only those (not the whole board) and renders once. A change for another template is dropped by one
/// comparison on the publisher's thread.
/// </summary>
public partial class BoardPage : IAsyncDisposable
{
    // Noted on the publisher's thread, taken on the component's own when the coalesced refresh runs.
    private readonly ConcurrentQueue<long> _changedTickets = new();
    private volatile bool _boardChanged;
    private volatile BoardWatch? _watch;
    private LiveChanges? _live;
    private ITimer? _slaTimer;

    /// <summary>
    /// The least time between two live refreshes of a board: half the default. A refresh re-renders only the cells whose
    /// cards changed, so a board can afford six a second; changes a user makes one after another then show without
    /// waiting out the default's 300 ms, and a burst of 200 still folds into a handful of refreshes.
    /// </summary>
    internal static readonly TimeSpan LiveDelay = TimeSpan.FromMilliseconds(150);

    /// <summary>How often an open board moves its SLA bars along (clocks run between ticket changes).</summary>
    private static readonly TimeSpan SlaRefresh = TimeSpan.FromMinutes(1);

    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<BoardPage> Logger { get; set; } = default!;

    /// <summary>
    /// What the publisher's thread may read: the board's template, its user, and the ids on it (a snapshot, sorted: a
    /// quarter of a hash set's memory, held by every open board).
    /// </summary>
    private sealed record BoardWatch(long? TemplateId, string UserId, long[] Shown)
    {
        public bool Holds(long id) => Array.BinarySearch(Shown, id) >= 0;
    }

    private void StartLive()
    {
        Watch();
        _live ??= LiveChanges.Subscribe(Feed, Note, () => InvokeAsync(ApplyChangesAsync), Clock, LiveDelay, Logger);
        _slaTimer ??= Clock.CreateTimer(_ => _ = InvokeAsync(RefreshSlaAsync), null, SlaRefresh, SlaRefresh);
    }

    private async Task RefreshSlaAsync()
    {
        if (_board is null || _user is null)
        {
            return;
        }

        try
        {
            if (_filter.Bands.Count > 0)
            {
                // Filtered by band: a ticket whose clock crossed into or out of the band joins or leaves the board.
                await LoadAsync();
                Watch();
            }
            else
            {
                var states = await Boards.SlaAsync(_user, _board.Cards.Keys.ToList());
                _board = _board with { Cards = _board.Cards.Values.Select(c => c with { Sla = states.GetValueOrDefault(c.Id) }).ToDictionary(c => c.Id) };
                await ArrangeAsync();
            }

            StateHasChanged();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A timer thread: a failed read must not end the circuit; the next minute tries again.
            Logger.LogWarning(ex, "Refreshing the board's SLA failed.");
        }
    }

    private void Watch() =>
        _watch = _board is null ? null : new BoardWatch(_board.Key.TemplateId, _user!.UserId, [.. _board.Slots.Select(s => s.Id).Order()]);

    private bool Note(Change change)
    {
        if (_watch is not { } watch)
        {
            return false;
        }

        // New SLA rules (calendar, policies) change every card's clock; the user's regions or the region tree change which
        // tickets they may see (live refreshes filter by the regions the board was read for).
        if (change.Kind is ChangeKinds.Sla or ChangeKinds.Region
            || change.Kind == ChangeKinds.User && change.UserId == watch.UserId
            || change.Kind is ChangeKinds.Board or ChangeKinds.Workflow && change.TemplateId == watch.TemplateId && watch.TemplateId is not null)
        {
            _boardChanged = true;
            return true;
        }

        var mine = watch.TemplateId is null && (change.AssigneeId == watch.UserId || change.ActorId == watch.UserId);
        if (change.Kind != ChangeKinds.Ticket || !(change.TemplateId == watch.TemplateId && watch.TemplateId is not null || mine || watch.Holds(change.Id)))
        {
            return false;
        }

        _changedTickets.Enqueue(change.Id);
        return true;
    }

    private async Task ApplyChangesAsync()
    {
        if (_board is null)
        {
            return;
        }

        if (_boardChanged)
        {
            _boardChanged = false;
            _changedTickets.Clear();
            await LoadAsync();
        }
        else
        {
            var ids = new HashSet<long>();
            while (_changedTickets.TryDequeue(out var id))
            {
                ids.Add(id);
            }

            if (ids.Count == 0)
            {
                return;
            }

            await RefreshCardsAsync(ids);
        }

        StateHasChanged();
    }

    /// <summary>Re-reads these tickets: changed ones are replaced, ones that left the board's filter removed, new matches added.</summary>
    private async Task RefreshCardsAsync(IReadOnlyCollection<long> ids)
    {
        if (_board is null || _user is null)
        {
            return;
        }

        var (cards, graphs) = await Boards.CardsAsync(_user, _board, _filter, ids);
        _board = _board with
        {
            Slots = [.. _board.Slots.Where(s => !ids.Contains(s.Id)), .. cards.Select(c => c.Slot)],
            Cards = _board.Cards.Values.Where(c => !ids.Contains(c.Id)).Concat(cards).ToDictionary(c => c.Id),
            Graphs = graphs,
        };
        await ArrangeAsync();
        Watch();
    }

    public async ValueTask DisposeAsync()
    {
        _live?.Dispose();
        if (_slaTimer is not null)
        {
            await _slaTimer.DisposeAsync();
        }

        GC.SuppressFinalize(this);
        if (_script is not null)
        {
            await _script.DisposeAsync();
        }
    }
}
