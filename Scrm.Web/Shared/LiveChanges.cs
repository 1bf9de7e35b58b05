using Microsoft.Extensions.Logging;
using Scrm.Data.Changes;

namespace Scrm.Web.Shared;

/// <summary>
/// A live view's subscription to the change feed: the changes it cares about trigger one refresh, bursts coalesced.
/// </summary>
/// <remarks>
/// <para>Usage in a component (subscribe in <c>OnInitialized</c>, dispose in <c>Dispose</c>):</para>
/// <code>
/// _live = LiveChanges.Subscribe(Feed,
///     c => c.Kind == ChangeKinds.Ticket &amp;&amp; c.Id == TicketId,
///     () => InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }));
/// ...
/// public void Dispose() => _live?.Dispose();
/// </code>
/// <para>
/// Why coalesce: one command can publish several changes and a workflow step can publish a burst; re-querying and
/// re-rendering a circuit for each would flood the database and the socket. A change after a quiet spell refreshes at
/// once (a user waits for it); refreshes then start at most once per <see cref="DefaultDelay"/>, and everything that
/// arrives meanwhile is folded into the next one. Changes arriving while a refresh runs schedule exactly one more, so
/// the view never misses the last change, and refreshes never overlap.
/// </para>
/// <para>
/// The feed calls subscribers on the publishing thread, so the filter must be cheap and must not touch component
/// state; the refresh runs on a timer thread and must marshal with <c>InvokeAsync</c>. A refresh that throws is
/// logged and does not stop later ones.
/// </para>
/// </remarks>
public sealed class LiveChanges : IDisposable
{
    /// <summary>The least time between the starts of two refreshes: at most about three a second.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(300);

    private readonly Func<Change, bool> _filter;
    private readonly Func<Task> _refresh;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly ILogger? _logger;
    private readonly Lock _lock = new();
    private readonly ITimer _timer;
    private IDisposable? _subscription;
    private State _state;
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    private enum State { Idle, Scheduled, Running, RunningAndDirty, Disposed }

    private LiveChanges(Func<Change, bool> filter, Func<Task> refresh, TimeProvider time, TimeSpan delay, ILogger? logger)
    {
        _filter = filter;
        _refresh = refresh;
        _time = time;
        _delay = delay;
        _logger = logger;
        _timer = time.CreateTimer(_ => _ = RunAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Starts listening; dispose the result to stop (a refresh already running finishes, no new one starts).</summary>
    /// <param name="feed">The app's change feed.</param>
    /// <param name="filter">Which changes matter to this view; called on the publisher's thread.</param>
    /// <param name="refresh">Re-queries and re-renders; typically <c>() =&gt; InvokeAsync(...)</c>.</param>
    /// <param name="time">The clock for the delay; tests pass a fake one. Defaults to the system clock.</param>
    /// <param name="delay">How long to collect a burst; defaults to <see cref="DefaultDelay"/>.</param>
    /// <param name="logger">Where a failed refresh is reported.</param>
    public static LiveChanges Subscribe(
        IChangeFeed feed,
        Func<Change, bool> filter,
        Func<Task> refresh,
        TimeProvider? time = null,
        TimeSpan? delay = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var live = new LiveChanges(filter, refresh, time ?? TimeProvider.System, delay ?? DefaultDelay, logger);
        live._subscription = feed.Subscribe(live.OnChanges);
        return live;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_state == State.Disposed)
            {
                return;
            }

            _state = State.Disposed;
        }

        _subscription?.Dispose();
        _timer.Dispose();
    }

    private void OnChanges(IReadOnlyList<Change> changes)
    {
        if (!changes.Any(_filter))
        {
            return;
        }

        lock (_lock)
        {
            switch (_state)
            {
                case State.Idle:
                    _state = State.Scheduled;
                    break;
                case State.Running:
                    _state = State.RunningAndDirty;
                    return;
                default:
                    // Already scheduled, already dirty, or disposed: this change is covered or unwanted.
                    return;
            }
        }

        // Outside the lock: a timer due now may run its callback on this thread.
        Schedule();
    }

    private void Schedule()
    {
        var wait = _nextStart - _time.GetUtcNow();
        try
        {
            _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile (the view closed): nothing left to refresh.
        }
    }

    private async Task RunAsync()
    {
        lock (_lock)
        {
            if (_state != State.Scheduled)
            {
                return;
            }

            _state = State.Running;
            _nextStart = _time.GetUtcNow() + _delay;
        }

        try
        {
            await _refresh();
        }
        catch (Exception ex)
        {
            // Runs on a timer thread: an exception here would go unobserved, and one failed query must not end live updates.
            _logger?.LogError(ex, "A live refresh failed.");
        }

        bool again;
        lock (_lock)
        {
            again = _state == State.RunningAndDirty;
            if (again)
            {
                _state = State.Scheduled;
            }
            else if (_state == State.Running)
            {
                _state = State.Idle;
            }
        }

        if (again)
        {
            Schedule();
        }
    }
}
