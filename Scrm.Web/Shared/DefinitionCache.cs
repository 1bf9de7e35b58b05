using Microsoft.Extensions.Caching.Memory;

namespace Scrm.Web.Shared;

/// <summary>
/// A bounded in-memory cache of definitions (templates, workflow versions) by id, read through on a miss. Values are
/// shared between circuits and threads, so callers treat them as read-only.
/// </summary>
public sealed class DefinitionCache<TValue> : IDisposable where TValue : class
{
    private readonly MemoryCache _entries;
    private readonly Lock _gate = new();
    private long _invalidations;

    /// <param name="capacity">How many definitions to keep; past it the least recently used are dropped.</param>
    public DefinitionCache(int capacity) => _entries = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity });

    /// <summary>The cached value, or <paramref name="load"/>'s (kept when <paramref name="keep"/> says so, by default when found).</summary>
    public async Task<TValue?> GetOrLoadAsync(long id, Func<long, CancellationToken, Task<TValue?>> load, CancellationToken ct,
        Func<TValue, bool>? keep = null)
    {
        if (_entries.TryGetValue(id, out TValue? cached))
        {
            return cached;
        }

        var invalidationsBefore = Interlocked.Read(ref _invalidations);
        var loaded = await load(id, ct);
        if (loaded is not null && (keep?.Invoke(loaded) ?? true))
        {
            lock (_gate)
            {
                // A change committed while we read may already have been invalidated: keeping what we read would then
                // keep the old copy for good. Skipping the store only costs the next reader a query.
                if (invalidationsBefore == _invalidations)
                {
                    _entries.Set(id, loaded, new MemoryCacheEntryOptions { Size = 1 });
                }
            }
        }

        return loaded;
    }

    public void Invalidate(long id)
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _invalidations);
            _entries.Remove(id);
        }
    }

    public void Dispose() => _entries.Dispose();
}
