using Scrm.Data.Changes;
using Scrm.Web.Features.Dashboards;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

public sealed class DashboardReadCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly InProcessChangeFeed _feed = new();

    [Fact]
    public async Task ViewersAskingForTheSameNumbersAtOnce_ShareOneRead()
    {
        using var cache = new DashboardReadCache(_feed);
        var reads = 0;
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> Read() { Interlocked.Increment(ref reads); return gate.Task; }

        var twenty = Enumerable.Range(0, 20).Select(_ => cache.GetOrReadAsync("month|杭州", Read, Ct)).ToList();
        gate.SetResult(42);

        Assert.All(await Task.WhenAll(twenty), n => Assert.Equal(42, n));
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task AChange_MakesTheNextAskReadAgain()
    {
        using var cache = new DashboardReadCache(_feed);
        var value = 1;
        Task<int> Read() => Task.FromResult(value);

        Assert.Equal(1, await cache.GetOrReadAsync("k", Read, Ct));
        value = 2;
        Assert.Equal(1, await cache.GetOrReadAsync("k", Read, Ct));
        _feed.Publish([new Change(ChangeKinds.Settlement, 7, 1, ["Posted"], "u1", "孙伟")]);
        Assert.Equal(2, await cache.GetOrReadAsync("k", Read, Ct));
    }

    [Fact]
    public async Task DifferentKeys_AreReadApart()
    {
        using var cache = new DashboardReadCache(_feed);
        Assert.Equal("杭州", await cache.GetOrReadAsync("hz", () => Task.FromResult("杭州"), Ct));
        Assert.Equal("上海", await cache.GetOrReadAsync("sh", () => Task.FromResult("上海"), Ct));
        Assert.Equal("杭州", await cache.GetOrReadAsync("hz", () => Task.FromResult("wrong"), Ct));
    }

    [Fact]
    public async Task AFailedRead_IsNotShownToTheNextViewer()
    {
        using var cache = new DashboardReadCache(_feed);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrReadAsync<int>("k", () => throw new InvalidOperationException("database gone"), Ct));
        Assert.Equal(5, await cache.GetOrReadAsync("k", () => Task.FromResult(5), Ct));
    }

    [Fact]
    public async Task AViewerWhoLeaves_DoesNotCancelTheReadForTheOthers()
    {
        using var cache = new DashboardReadCache(_feed);
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var leaving = new CancellationTokenSource();
        var first = cache.GetOrReadAsync("k", () => gate.Task, leaving.Token);
        var second = cache.GetOrReadAsync("k", () => Task.FromResult(-1), Ct);

        await leaving.CancelAsync();
        gate.SetResult(9);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(9, await second);
    }
}
