using Microsoft.Extensions.Time.Testing;
using Scrm.Data.Changes;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Shared;

/// <summary>
/// A change after a quiet spell refreshes at once; the rest of a burst folds into one more refresh a delay after the
/// first started; only matching changes count; dispose stops it.
/// </summary>
public sealed class LiveChangesTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);
    private readonly InProcessChangeFeed _feed = new();
    private readonly FakeTimeProvider _time = new();
    private int _refreshes;

    private LiveChanges Subscribe(Func<Task>? refresh = null) => LiveChanges.Subscribe(
        _feed,
        c => c.Kind == ChangeKinds.Notification && c.RecipientId == "me",
        refresh ?? (() => { Interlocked.Increment(ref _refreshes); return Task.CompletedTask; }),
        _time,
        Delay);

    private static Change ForMe(long id) => new(ChangeKinds.Notification, id, 1, ["NotificationCreated"], "system", "System") { RecipientId = "me" };

    [Fact]
    public void TenChangesAtOnce_RefreshAtOnce_ThenOnceMoreAfterTheDelay()
    {
        using var live = Subscribe();

        for (var i = 1; i <= 10; i++)
        {
            _feed.Publish([ForMe(i)]);
        }

        Assert.Equal(1, _refreshes);
        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.Equal(1, _refreshes);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _refreshes);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void AChangeAfterAQuietSpell_RefreshesAtOnce()
    {
        using var live = Subscribe();
        _feed.Publish([ForMe(1)]);
        _time.Advance(TimeSpan.FromSeconds(2));

        _feed.Publish([ForMe(2)]);

        Assert.Equal(2, _refreshes);
    }

    [Fact]
    public void ChangesTheFilterRejects_DoNotRefresh()
    {
        using var live = Subscribe();

        _feed.Publish([ForMe(1) with { RecipientId = "someone-else" }, new Change(ChangeKinds.Ticket, 1, 2, ["Status"], "agent-1", "Agent")]);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, _refreshes);
    }

    [Fact]
    public void AChangeDuringARefresh_RefreshesOnceMore_WithoutOverlapping()
    {
        var running = new TaskCompletionSource();
        var started = 0;
        using var live = Subscribe(() =>
        {
            Interlocked.Increment(ref started);
            return started == 1 ? running.Task : Task.CompletedTask;
        });

        _feed.Publish([ForMe(1)]);
        Assert.Equal(1, started);

        _feed.Publish([ForMe(2)]);
        _feed.Publish([ForMe(3)]);
        _time.Advance(Delay);
        Assert.Equal(1, started); // the first refresh has not finished: no second one beside it

        running.SetResult();
        Assert.Equal(2, started);
        _time.Advance(Delay);
        Assert.Equal(2, started);
    }

    [Fact]
    public void AfterDispose_NoMoreRefreshes_AndTheFeedForgetsTheSubscriber()
    {
        var live = Subscribe();
        Assert.Equal(1, _feed.SubscriberCount);

        _feed.Publish([ForMe(1)]);
        _feed.Publish([ForMe(2)]); // waits for the delay
        live.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));
        _feed.Publish([ForMe(3)]);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(1, _refreshes);
        Assert.Equal(0, _feed.SubscriberCount);
    }

    [Fact]
    public void AFailingRefresh_DoesNotEndLiveUpdates()
    {
        var calls = 0;
        using var live = Subscribe(() => ++calls == 1 ? throw new InvalidOperationException("query failed") : Task.CompletedTask);

        _feed.Publish([ForMe(1)]);
        _time.Advance(Delay);
        _feed.Publish([ForMe(2)]);
        _time.Advance(Delay);

        Assert.Equal(2, calls);
    }
}
