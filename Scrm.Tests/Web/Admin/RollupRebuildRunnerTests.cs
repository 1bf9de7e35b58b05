using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Changes;
using Scrm.Domain.Common;
using Scrm.Web.Features.Admin;
using Scrm.Tests.Web.Field;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Admin;

/// <summary>The admin's rollup rebuild on real SQLite: admins only, one at a time, in the background, its result kept and announced.</summary>
public sealed class RollupRebuildRunnerTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RollupRebuildRunner Runner => app.Services.GetRequiredService<RollupRebuildRunner>();

    [Theory]
    [InlineData("supervisor")]
    [InlineData("finance")]
    [InlineData("agent")]
    [InlineData("customer")]
    public async Task StartAsync_IsRefused_ForAnyoneButAnAdmin(string userName)
    {
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Runner.StartAsync(await app.ActorAsync(userName), Ct));

        Assert.Null(Runner.Current);
    }

    [Fact]
    public async Task Rebuild_CountsEveryTicketAndLedgerEntry_KeepsTheResult_AndTellsTheDashboards()
    {
        // One settled repair, so the ledger half of the rebuild has something to count.
        await FieldData.PublishRepairPriceAsync(app.Services);
        var repair = await FieldData.StartedRepairAsync(app.Services);
        await FieldData.RecordRepairAsync(app.Services, repair);
        await FieldData.MoveAsync(app.Services, repair, Scrm.Domain.Tickets.TicketStatus.Resolved);
        var (tickets, entries) = await CountsAsync();
        Assert.True(entries > 0);
        var published = new List<Change>();
        using var subscription = app.Services.GetRequiredService<IChangeFeed>().Subscribe(batch => { lock (published) { published.AddRange(batch); } });
        var ended = EndOfRun();

        await Runner.StartAsync(await app.ActorAsync("admin"), Ct);
        var run = await ended;

        Assert.Equal("王磊", run.StartedByName);
        Assert.Null(run.Failure);
        Assert.Equal((tickets, entries), (run.Result!.Tickets, run.Result.LedgerEntries));
        Assert.Same(run, Runner.Last);
        Assert.Null(Runner.Current);
        lock (published)
        {
            var change = Assert.Single(published, c => c.What.Contains(RollupRebuildRunner.Rebuilt));
            Assert.Equal((ChangeKinds.Settlement, 0L, null), (change.Kind, change.Id, change.RegionId));
        }
    }

    [Fact]
    public async Task SecondStart_WhileARebuildRuns_IsRefused_AndStartsNoSecondRebuild()
    {
        var admin = await app.ActorAsync("admin");
        var ended = EndOfRun();
        RollupRebuildRun run;
        // The gate: a write transaction on another connection. The rebuild's own transaction waits for it, so the first
        // run is certainly still running when the second start comes.
        await using (await WriteGate.CloseAsync(app.Services, Ct))
        {
            await Runner.StartAsync(admin, Ct);
            var running = Runner.Current;

            var refused = await Assert.ThrowsAsync<DomainException>(async () => await Runner.StartAsync(admin, Ct));

            Assert.Equal("RollupRebuildRunning", refused.Code);
            Assert.NotNull(running);
            Assert.Same(running, Runner.Current);
            Assert.False(ended.IsCompleted);
            run = running;
        }

        var last = await ended;
        Assert.Equal((run.StartedByName, run.StartedAt), (last.StartedByName, last.StartedAt));
        Assert.NotNull(last.Result);
        Assert.Null(Runner.Current);
    }

    /// <summary>Completes with the run the runner reports as ended next.</summary>
    private Task<RollupRebuildRun> EndOfRun()
    {
        var runner = Runner;
        var ended = new TaskCompletionSource<RollupRebuildRun>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = runner.Last;
        void OnChanged()
        {
            if (runner is { Current: null, Last: { } last } && !ReferenceEquals(last, before))
            {
                runner.Changed -= OnChanged;
                ended.TrySetResult(last);
            }
        }

        runner.Changed += OnChanged;
        return ended.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    private async Task<(int Tickets, int Entries)> CountsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Tickets.CountAsync(Ct), await db.EarningsEntries.CountAsync(Ct));
    }
}
