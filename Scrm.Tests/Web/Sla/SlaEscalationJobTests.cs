using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Sla;
using Scrm.Tests.Web.Outbox;
using Scrm.Web.Features.Sla;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>
/// The escalation job on a real SQLite file shared by two app instances: each level of a chain reaches its people
/// once, however often and wherever the job runs, and picks up where it left off after a restart.
/// </summary>
public sealed class SlaEscalationJobTests : IAsyncLifetime
{
    private string _file = "";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _file = await OutboxHost.NewDatabaseAsync();

    public ValueTask DisposeAsync()
    {
        OutboxHost.Delete(_file);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwiceInARow_AndTwoInstancesAtOnce_SendEachLevelOnce()
    {
        var clock = new FakeTimeProvider(TestApp.Now); // Wednesday 14:00 in China: working hours
        await using var a = await OutboxHost.StartAsync(_file, clock);
        await using var b = await OutboxHost.StartAsync(_file, clock);
        await a.SetComplaintPolicyAsync();
        var ticket = await a.NewHangzhouComplaintAsync();

        clock.Advance(TimeSpan.FromMinutes(50));
        await Task.WhenAll(Task.Run(() => a.Escalations().RunOnceAsync(Ct), Ct), Task.Run(() => b.Escalations().RunOnceAsync(Ct), Ct));
        await a.Escalations().RunOnceAsync(Ct);
        await Task.WhenAll(Task.Run(() => a.Dispatcher.DeliverDueAsync(Ct), Ct), Task.Run(() => b.Dispatcher.DeliverDueAsync(Ct), Ct));
        await b.Dispatcher.DeliverDueAsync(Ct);

        Assert.Equal([1, 2], await a.QueryAsync(db => db.SlaEscalations.Where(e => e.TicketId == ticket).OrderBy(e => e.Level).Select(e => e.Level).ToListAsync()));
        // Level 1: the supervisors who see 杭州 (李娜 centrally, 周婷 for 杭州, 林峰 for 浙江省); level 2: 浙江省's director 林峰.
        Assert.Equal(
            [(1, "director"), (1, "supervisor"), (1, "supervisor2"), (2, "director")],
            await a.EscalationNoticesAsync(ticket));
    }

    [Fact]
    public async Task ARestartBetweenLevels_SendsOnlyTheNextLevel()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        long ticket;
        await using (var before = await OutboxHost.StartAsync(_file, clock))
        {
            await before.SetComplaintPolicyAsync();
            ticket = await before.NewHangzhouComplaintAsync();
            clock.Advance(TimeSpan.FromMinutes(35));
            await before.Escalations().RunOnceAsync(Ct);
        }

        await using var after = await OutboxHost.StartAsync(_file, clock);
        await after.Escalations().RunOnceAsync(Ct);
        clock.Advance(TimeSpan.FromMinutes(15));
        await after.Escalations().RunOnceAsync(Ct);
        await after.Dispatcher.DeliverDueAsync(Ct);

        var sent = await after.QueryAsync(db => db.SlaEscalations.Where(e => e.TicketId == ticket).OrderBy(e => e.Level)
            .Select(e => new { e.Level, e.UsedMinutes }).ToListAsync());
        Assert.Equal([(1, 35), (2, 50)], sent.Select(s => (s.Level, s.UsedMinutes)));
        Assert.Equal([(1, "director"), (1, "supervisor"), (1, "supervisor2"), (2, "director")], await after.EscalationNoticesAsync(ticket));
    }

    [Fact]
    public async Task ABreachedTarget_FlagsTheTicketOnce_AndTheReaderShowsIt()
    {
        var clock = new FakeTimeProvider(TestApp.Now);
        await using var host = await OutboxHost.StartAsync(_file, clock);
        await host.SetComplaintPolicyAsync();
        var ticket = await host.NewHangzhouComplaintAsync();

        clock.Advance(TimeSpan.FromMinutes(61));
        await host.Escalations().RunOnceAsync(Ct);
        var flaggedAt = await host.QueryAsync(db => db.Tickets.Where(t => t.Id == ticket).Select(t => t.SlaBreachedAt).SingleAsync());
        clock.Advance(TimeSpan.FromMinutes(10));
        await host.Escalations().RunOnceAsync(Ct);

        Assert.Equal(TestApp.Now.UtcDateTime.AddMinutes(61), flaggedAt);
        Assert.Equal(flaggedAt, await host.QueryAsync(db => db.Tickets.Where(t => t.Id == ticket).Select(t => t.SlaBreachedAt).SingleAsync()));
        var states = await host.QueryAsync(db => host.Services.GetRequiredService<SlaReader>().GoverningAsync(db, [ticket], Ct));
        Assert.Equal((SlaTarget.FirstResponse, SlaBand.Breached, TimeSpan.FromMinutes(-11)), (states[ticket].Target, states[ticket].Band, states[ticket].Left));
    }
}
