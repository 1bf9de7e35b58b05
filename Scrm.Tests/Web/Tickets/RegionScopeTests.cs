using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// A desk user with regions sees and changes only tickets in them, as forged calls straight to the service would find:
/// 周婷 (supervisor2) and 刘洋 (agent3) work in 杭州, 马超 (supervisor3) in 上海, 林峰 (director) for 浙江省; 李娜
/// (supervisor) and 张敏 (agent) are the central desk.
/// </summary>
public sealed class RegionScopeTests(ServiceFixture app) : IClassFixture<ServiceFixture>, IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = app.Services.CreateAsyncScope();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task Get_OfAnotherRegionsTicket_IsRefused_AsAnOtherTechniciansTicketIs()
    {
        var shanghai = await OpenTicketInAsync("上海");
        var tickets = Tickets();
        var supervisor2 = await app.ActorAsync("supervisor2");

        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.GetAsync(supervisor2, shanghai.Id, Ct));
        Assert.Null(await tickets.GetAsync(supervisor2, 424242, Ct));
        Assert.Equal(shanghai.Id, (await tickets.GetAsync(await app.ActorAsync("supervisor3"), shanghai.Id, Ct))!.Id);
        Assert.Equal(shanghai.Id, (await tickets.GetAsync(await app.ActorAsync("supervisor"), shanghai.Id, Ct))!.Id);
    }

    [Fact]
    public async Task EveryCommand_OnAnotherRegionsTicket_IsRefused_AndSavesNothing()
    {
        var shanghai = await OpenTicketInAsync("上海");
        var tickets = Tickets();
        var supervisor2 = await app.ActorAsync("supervisor2");
        var form = TicketForm.Edit((await tickets.GetAsync(await app.ActorAsync("supervisor"), shanghai.Id, Ct))!);
        form.Title = "被改掉的标题";
        var (comments, audits) = await FootprintAsync(shanghai.Id);

        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.EditAsync(supervisor2, shanghai.Id, form, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.ChangeStatusAsync(supervisor2, shanghai.Id, shanghai.Version, TicketStatus.Cancelled, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.TransitionAsync(supervisor2, shanghai.Id, shanghai.Version, "accept->dispatch", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.AddCommentAsync(supervisor2, shanghai.Id, "跨区域的备注", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.CommentsAsync(supervisor2, shanghai.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => tickets.HistoryAsync(supervisor2, shanghai.Id, Ct));

        await using var db = await DbAsync();
        var after = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == shanghai.Id, Ct);
        Assert.Equal((shanghai.Version, shanghai.Title, shanghai.Status), (after.Version, after.Title, after.Status));
        Assert.Equal((comments, audits), await FootprintAsync(shanghai.Id));
    }

    [Fact]
    public async Task TicketCenter_OfAHangzhouSupervisor_ListsEveryHangzhouTicket_AndNoOther()
    {
        var hangzhou = await RegionIdAsync("杭州");

        var page = await Tickets().ListAsync(await app.ActorAsync("supervisor2"), new TicketQuery { PageSize = TicketQuery.MaxPageSize }, Ct);

        await using var db = await DbAsync();
        var ids = page.Items.Select(r => r.Id).ToList();
        var regions = await db.Tickets.Where(t => ids.Contains(t.Id)).Select(t => t.RegionId).Distinct().ToListAsync(Ct);
        Assert.Equal([hangzhou], regions);
        Assert.Equal(await db.Tickets.CountAsync(t => t.RegionId == hangzhou, Ct), page.Total);
        Assert.Equal(page.Total, page.Items.Count);
        Assert.All(page.Items, r => Assert.Equal("杭州", r.RegionName));
    }

    [Fact]
    public async Task TicketCenter_FilteredToARegionOutsideTheScope_ListsNothing()
    {
        var tickets = Tickets();
        var supervisor2 = await app.ActorAsync("supervisor2");

        var shanghai = await tickets.ListAsync(supervisor2, new TicketQuery { RegionId = await RegionIdAsync("上海") }, Ct);
        var zhejiang = await tickets.ListAsync(supervisor2, new TicketQuery { RegionId = await RegionIdAsync("浙江省"), PageSize = TicketQuery.MaxPageSize }, Ct);

        Assert.Equal(0, shanghai.Total);
        Assert.Empty(shanghai.Items);
        // The province filter meets the scope: 浙江省 ∩ 杭州 is 杭州.
        Assert.NotEmpty(zhejiang.Items);
        Assert.All(zhejiang.Items, r => Assert.Equal("杭州", r.RegionName));
    }

    [Fact]
    public async Task TicketCenter_OfTheZhejiangDirector_ListsItsThreeCities_AndNotShanghai()
    {
        var page = await Tickets().ListAsync(await app.ActorAsync("director"), new TicketQuery { PageSize = TicketQuery.MaxPageSize }, Ct);

        await using var db = await DbAsync();
        var zhejiang = await RegionIdAsync("浙江省");
        var inZhejiang = db.Regions.Where(r => r.ParentId == zhejiang).Select(r => (long?)r.Id);
        Assert.Equal(["宁波", "杭州", "湖州"], page.Items.Select(r => r.RegionName!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(await db.Tickets.CountAsync(t => inZhejiang.Contains(t.RegionId), Ct), page.Total);
    }

    [Fact]
    public async Task TicketCenter_OfTheCentralSupervisor_ListsEveryTicket()
    {
        var page = await Tickets().ListAsync(await app.ActorAsync("supervisor"), new TicketQuery { PageSize = TicketQuery.MaxPageSize }, Ct);

        await using var db = await DbAsync();
        Assert.Equal(await db.Tickets.CountAsync(Ct), page.Total);
        Assert.Contains(page.Items, r => r.RegionName == "上海");
        Assert.Contains(page.Items, r => r.RegionName == "杭州");
    }

    [Fact]
    public async Task EscalationNotices_GoOnlyToSupervisorsWhoSeeTheRegion()
    {
        await using var db = await DbAsync();
        var hangzhou = await RegionIdAsync("杭州");
        var supervisors = db.UserProfiles.Where(u => u.Role == Role.Supervisor);

        var seeing = await supervisors.Where(u => RegionScope.UsersSeeing(db, hangzhou).Contains(u.Id)).Select(u => u.UserName).ToListAsync(Ct);
        var seeingNoRegion = await supervisors.Where(u => RegionScope.UsersSeeing(db, null).Contains(u.Id)).Select(u => u.UserName).ToListAsync(Ct);

        Assert.Equal(["director", "supervisor", "supervisor2"], seeing.Order(StringComparer.Ordinal));
        Assert.Equal(["supervisor"], seeingNoRegion);
    }

    private TicketService Tickets() => _scope.ServiceProvider.GetRequiredService<TicketService>();

    private Task<ScrmDbContext> DbAsync() => app.DbAsync();

    private Task<long> RegionIdAsync(string name) => app.RegionIdAsync(name);

    /// <summary>A seeded open ticket in the city <paramref name="city"/>.</summary>
    private async Task<Ticket> OpenTicketInAsync(string city)
    {
        var regionId = await RegionIdAsync(city);
        await using var db = await DbAsync();
        return await db.Tickets.AsNoTracking().Where(t => t.RegionId == regionId && t.Status == TicketStatus.New).OrderBy(t => t.Id).FirstAsync(Ct);
    }

    private async Task<(int Comments, int Audits)> FootprintAsync(long ticketId)
    {
        await using var db = await DbAsync();
        return (await db.TicketComments.CountAsync(c => c.TicketId == ticketId, Ct), await db.AuditEntries.CountAsync(a => a.TicketId == ticketId, Ct));
    }
}
