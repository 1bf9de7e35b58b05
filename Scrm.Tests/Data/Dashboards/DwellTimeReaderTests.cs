using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Workflows;
using Scrm.Tests.Web;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Dwell;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data.Dashboards;

/// <summary>
/// Dwell time on the migrated demo company (real SQLite). The demo's own visits end in late 2026, so each test adds
/// visits with chosen enter/exit times in its own month of 2024 to a 杭州 and a 上海 ticket of one published version.
/// </summary>
public sealed class DwellTimeReaderTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDwellTimeReader Reader => app.Services.GetRequiredService<IDwellTimeReader>();

    [Fact]
    public async Task MedianAndP90_AreNearestRank_OverAnEvenCount()
    {
        var (version, node, hangzhou, _) = await SetupAsync();
        // Entered at 09:00 China on 2024-03-05, stayed 10, 20, … 100 minutes (listed out of order).
        foreach (var minutes in new[] { 70, 10, 100, 40, 20, 90, 30, 60, 50, 80 })
        {
            await VisitAsync(hangzhou, node, Utc(2024, 3, 5, 1, 0), Utc(2024, 3, 5, 1, 0).AddMinutes(minutes));
        }

        var view = await Reader.ReadAsync(await app.ActorAsync("admin"), version, Month(2024, 3), Ct);

        var row = view!.Nodes.Single(n => n.NodeId == node.Id);
        Assert.Equal(10, row.Count);
        Assert.Equal(50, row.MedianMinutes);
        Assert.Equal(90, row.P90Minutes);
        Assert.All(view.Nodes.Where(n => n.NodeId != node.Id), n => Assert.Null(n.MedianMinutes));
    }

    [Fact]
    public async Task SingleVisit_IsItsOwnMedianAndP90()
    {
        var (version, node, hangzhou, _) = await SetupAsync();
        await VisitAsync(hangzhou, node, Utc(2024, 5, 10, 2, 0), Utc(2024, 5, 10, 2, 7).AddSeconds(30));

        var view = await Reader.ReadAsync(await app.ActorAsync("admin"), version, Month(2024, 5), Ct);

        var row = view!.Nodes.Single(n => n.NodeId == node.Id);
        Assert.Equal(1, row.Count);
        Assert.Equal(7.5, row.MedianMinutes);
        Assert.Equal(7.5, row.P90Minutes);
    }

    [Fact]
    public async Task Period_CountsVisitsThatEndedInIt_ByChinaMidnight()
    {
        var (version, node, hangzhou, _) = await SetupAsync();
        // 2024-07-31 23:59 China = 15:59 UTC: July. 2024-08-01 00:00 China = 2024-07-31 16:00 UTC: August.
        await VisitAsync(hangzhou, node, Utc(2024, 7, 31, 15, 0), Utc(2024, 7, 31, 15, 59));
        await VisitAsync(hangzhou, node, Utc(2024, 7, 31, 15, 0), Utc(2024, 7, 31, 16, 0));
        // Entered in June, left on July 1st 00:00 China (June 30th 16:00 UTC): July, with all its 2 days.
        await VisitAsync(hangzhou, node, Utc(2024, 6, 28, 16, 0), Utc(2024, 6, 30, 16, 0));
        var admin = await app.ActorAsync("admin");

        var july = (await Reader.ReadAsync(admin, version, Month(2024, 7), Ct))!.Nodes.Single(n => n.NodeId == node.Id);
        var august = (await Reader.ReadAsync(admin, version, Month(2024, 8), Ct))!.Nodes.Single(n => n.NodeId == node.Id);

        Assert.Equal(2, july.Count);
        Assert.Equal(59, july.MedianMinutes);
        Assert.Equal(2880, july.P90Minutes);
        Assert.Equal(1, august.Count);
        Assert.Equal(60, august.MedianMinutes);
    }

    [Fact]
    public async Task Supervisor_CountsOnlyTheirRegionsTickets()
    {
        var (version, node, hangzhou, shanghai) = await SetupAsync();
        await VisitAsync(hangzhou, node, Utc(2024, 9, 3, 1, 0), Utc(2024, 9, 3, 1, 15));
        await VisitAsync(shanghai, node, Utc(2024, 9, 3, 1, 0), Utc(2024, 9, 3, 3, 0));

        var all = await Reader.ReadAsync(await app.ActorAsync("admin"), version, Month(2024, 9), Ct);
        var hangzhouOnly = await Reader.ReadAsync(await app.ActorAsync("supervisor2"), version, Month(2024, 9), Ct);
        var slowest = await Reader.SlowestAsync(await app.ActorAsync("supervisor2"), version, node.Id, Month(2024, 9), 10, Ct);

        Assert.Equal(2, all!.Nodes.Single(n => n.NodeId == node.Id).Count);
        var row = hangzhouOnly!.Nodes.Single(n => n.NodeId == node.Id);
        Assert.Equal(1, row.Count);
        Assert.Equal(15, row.MedianMinutes);
        Assert.Equal([hangzhou], slowest.Select(s => s.TicketId));
    }

    [Fact]
    public async Task Slowest_ListsTheNodesLongestVisits_SlowestFirst_WithTheTicket()
    {
        var (version, node, hangzhou, shanghai) = await SetupAsync();
        await VisitAsync(hangzhou, node, Utc(2024, 11, 4, 1, 0), Utc(2024, 11, 4, 1, 5));
        await VisitAsync(shanghai, node, Utc(2024, 11, 4, 1, 0), Utc(2024, 11, 4, 4, 0));
        await VisitAsync(hangzhou, node, Utc(2024, 11, 4, 1, 0), Utc(2024, 11, 4, 2, 0));

        var rows = await Reader.SlowestAsync(await app.ActorAsync("admin"), version, node.Id, Month(2024, 11), 2, Ct);

        Assert.Equal([180.0, 60.0], rows.Select(r => r.Minutes));
        Assert.Equal([shanghai, hangzhou], rows.Select(r => r.TicketId));
        var number = await QueryAsync(db => db.Tickets.Where(t => t.Id == shanghai).Select(t => t.Number).SingleAsync(Ct));
        Assert.Equal(number, rows[0].Number);
        Assert.Equal(Utc(2024, 11, 4, 4, 0), rows[0].ExitedAt);
    }

    [Fact]
    public async Task OpenVisits_AreCountedAtTheirNode_AsOfNow()
    {
        var (version, node, hangzhou, _) = await SetupAsync();
        var admin = await app.ActorAsync("admin");
        var before = (await Reader.ReadAsync(admin, version, Month(2024, 12), Ct))!.Nodes.Single(n => n.NodeId == node.Id).Open;

        await VisitAsync(hangzhou, node, Utc(2024, 12, 1, 1, 0), null);

        var after = (await Reader.ReadAsync(admin, version, Month(2024, 12), Ct))!.Nodes.Single(n => n.NodeId == node.Id);
        Assert.Equal(before + 1, after.Open);
        Assert.Equal(0, after.Count);
        Assert.Null(after.MedianMinutes);
    }

    [Fact]
    public async Task UnknownOrDraftVersion_IsNotFound_AndAgentsAreRefused()
    {
        var admin = await app.ActorAsync("admin");
        var draft = await QueryAsync(db => db.WorkflowDefinitions.AsNoTracking().Where(w => !w.IsPublished).Select(w => (long?)w.Id).FirstOrDefaultAsync(Ct));

        Assert.Null(await Reader.ReadAsync(admin, 987_654, Month(2024, 1), Ct));
        if (draft is { } id)
        {
            Assert.Null(await Reader.ReadAsync(admin, id, Month(2024, 1), Ct));
        }

        Assert.Empty(await Reader.SlowestAsync(admin, 987_654, "start", Month(2024, 1), 10, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Reader.ReadAsync(await app.ActorAsync("agent"), 1, Month(2024, 1), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Reader.VersionsAsync(await app.ActorAsync("finance"), Ct));
    }

    private static DashboardPeriod Month(int year, int month) =>
        new(PeriodPreset.Custom, new DateOnly(year, month, 1), new DateOnly(year, month, DateTime.DaysInMonth(year, month)));

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    // The first published version with tickets in both 杭州 and 上海, its first Step, and one ticket of each city.
    private Task<(long Version, WorkflowNode Node, long Hangzhou, long Shanghai)> SetupAsync() => QueryAsync(async db =>
    {
        var tickets = await (from t in db.Tickets
                             join r in db.Regions on t.RegionId equals r.Id
                             join w in db.WorkflowDefinitions on t.WorkflowId equals w.Id
                             where w.IsPublished && (r.Name == "杭州" || r.Name == "上海")
                             orderby t.Id
                             select new { t.Id, City = r.Name, Version = w.Id }).ToListAsync(Ct);
        var version = tickets.GroupBy(t => t.Version).First(g => g.Select(t => t.City).Distinct().Count() == 2).Key;
        var workflow = await db.WorkflowDefinitions.AsNoTracking().SingleAsync(w => w.Id == version, Ct);
        var node = workflow.Graph.Nodes.First(n => n.Kind == NodeKind.Step);
        return (version, node, tickets.First(t => t.Version == version && t.City == "杭州").Id, tickets.First(t => t.Version == version && t.City == "上海").Id);
    });

    private Task<int> VisitAsync(long ticketId, WorkflowNode node, DateTime entered, DateTime? exited) => QueryAsync(db =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO NodeVisit (TicketId, NodeId, NodeName, Kind, EnteredAt, ExitedAt) VALUES ({ticketId}, {node.Id}, {node.Name}, {node.Kind.ToString()}, {entered}, {exited})",
            Ct));

    private async Task<T> QueryAsync<T>(Func<ScrmDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }
}
