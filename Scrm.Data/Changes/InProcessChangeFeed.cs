using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Scrm.Data.Changes;

/// <summary>The change feed within one app instance: a copy-on-write list of subscribers, each called in turn.</summary>
public sealed class InProcessChangeFeed(ILogger<InProcessChangeFeed>? logger = null) : IChangeFeed
{
    private readonly ILogger _logger = logger ?? NullLogger<InProcessChangeFeed>.Instance;
    private ImmutableArray<Action<IReadOnlyList<Change>>> _subscribers = [];

    public int SubscriberCount => _subscribers.Length;

    public void Publish(IReadOnlyList<Change> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        foreach (var subscriber in _subscribers)
        {
            try
            {
                subscriber(changes);
            }
            catch (Exception ex)
            {
                // One broken subscriber (a circuit gone bad) must not keep the change from the others.
                _logger.LogError(ex, "A change feed subscriber failed.");
            }
        }
    }

    public IDisposable Subscribe(Action<IReadOnlyList<Change>> onChanges)
    {
        ImmutableInterlocked.Update(ref _subscribers, s => s.Add(onChanges));
        return new Subscription(this, onChanges);
    }

    private sealed class Subscription(InProcessChangeFeed feed, Action<IReadOnlyList<Change>> onChanges) : IDisposable
    {
        public void Dispose() => ImmutableInterlocked.Update(ref feed._subscribers, s => s.Remove(onChanges));
    }
}
