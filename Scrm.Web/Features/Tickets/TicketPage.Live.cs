using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

/// <summary>The ticket page's live part: what others commit to this ticket is announced, not forced onto the user.</summary>
public partial class TicketPage : IDisposable
{
    // Changes noted on the publisher's thread, taken on the component's own when the coalesced refresh runs.
    private readonly ConcurrentQueue<Change> _arrived = new();
    private LiveChanges? _live;

    /// <summary>The newest change by someone else (or by this user while editing) that the page does not show yet.</summary>
    private Change? _changedBy;

    [Inject] private IChangeFeed Feed { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<TicketPage> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive)
        {
            _live = LiveChanges.Subscribe(Feed, Note, () => InvokeAsync(ApplyArrivedAsync), Clock, logger: Logger);
        }
    }

    public void Dispose()
    {
        _live?.Dispose();
        GC.SuppressFinalize(this);
    }

    // Called on the publisher's thread: it only reads the Id parameter (one string reference) and queues the change.
    private bool Note(Change change)
    {
        if (change.Kind != ChangeKinds.Ticket || change.Id != TicketId)
        {
            return false;
        }

        _arrived.Enqueue(change);
        return true;
    }

    private async Task ApplyArrivedAsync()
    {
        var shown = _ticket;
        var newer = new List<Change>();
        while (_arrived.TryDequeue(out var change))
        {
            if (shown is not null && change.Id == shown.Id && change.Version > shown.Version)
            {
                newer.Add(change);
            }
        }

        if (newer.Count == 0)
        {
            return;
        }

        var latest = newer.MaxBy(c => c.Version)!;
        var byOther = newer.Where(c => c.ActorId != _user?.UserId).MaxBy(c => c.Version);
        if (byOther is null && _busy)
        {
            // This tab's own command committed it; that command reloads when it finishes.
            return;
        }

        if (byOther is null && _form is null)
        {
            // The user's own change from another tab: nothing of theirs is in progress here to lose.
            await ReloadAsync();
        }
        else
        {
            _changedBy = byOther ?? latest;
        }

        StateHasChanged();
    }
}
