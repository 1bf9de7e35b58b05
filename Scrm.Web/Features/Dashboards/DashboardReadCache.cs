using Scrm.Data.Changes;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// One read per change for every screen showing the same numbers. A dashboard open on twenty wall screens re-reads on
/// every change; viewers who see the same regions, period and language get the same numbers, so they share one read.
/// An entry is keyed by what its numbers depend on and stamped with how many change batches the feed had published when
/// the read started: any later change makes every entry stale, so nobody is shown numbers older than a change they heard
/// of. Access is checked by the readers before they ask, never cached.
/// </summary>
public sealed class DashboardReadCache : IDisposable
{
    /// <summary>Past this many entries, the stale ones are dropped (each is a few kilobytes).</summary>
    private const int MaxEntries = 200;

    private readonly IDisposable _subscription;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, Task Read)> _entries = new(StringComparer.Ordinal);
    private long _version;

    public DashboardReadCache(IChangeFeed feed) => _subscription = feed.Subscribe(_ => Interlocked.Increment(ref _version));

    /// <summary>
    /// The shared read for <paramref name="key"/> if one started since the last change, else a new one. The read runs on
    /// its own, without the caller's token, so a viewer who leaves does not cancel it for the others.
    /// </summary>
    public Task<T> GetOrReadAsync<T>(string key, Func<Task<T>> read, CancellationToken ct)
    {
        var version = Interlocked.Read(ref _version);
        var typedKey = $"{typeof(T).Name}|{key}";
        lock (_lock)
        {
            if (_entries.TryGetValue(typedKey, out var entry) && entry.Version == version && entry.Read is Task<T> shared
                && !shared.IsFaulted && !shared.IsCanceled)
            {
                return shared.WaitAsync(ct);
            }

            if (_entries.Count >= MaxEntries)
            {
                foreach (var stale in _entries.Where(e => e.Value.Version != version).Select(e => e.Key).ToList())
                {
                    _entries.Remove(stale);
                }
            }

            var started = Task.Run(read, CancellationToken.None);
            _entries[typedKey] = (version, started);
            return started.WaitAsync(ct);
        }
    }

    public void Dispose() => _subscription.Dispose();
}
