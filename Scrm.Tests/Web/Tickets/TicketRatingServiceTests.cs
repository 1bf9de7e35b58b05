using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// 满意度回访 through the service, on real SQLite: the desk in the ticket's region and the ticket's own customer may
/// record the rating of a finished ticket; the technician who did the work and everybody else may not.
/// </summary>
public sealed class TicketRatingServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("agent", "张敏")]
    [InlineData("supervisor", "李娜")]
    [InlineData("admin", "王磊")]
    [InlineData("customer", "钱建国")]
    public async Task RateAsync_RecordsTheRating_ForTheDeskAndTheTicketsCustomer(string userName, string displayName)
    {
        var id = await ResolvedTicketAsync();
        await using var scope = await app.SignInAsync(userName);
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var before = (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!;
        Assert.True(before.CanRate);

        var version = await tickets.RateAsync(await scope.ActorAsync(), id, before.Version, 4, "  师傅很准时  ", Ct);

        var after = (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!;
        Assert.Equal(version, after.Version);
        Assert.True(version > before.Version);
        // 06:00 UTC, the tests' clock.
        Assert.Equal(new TicketRatingView(4, "师傅很准时", new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc), displayName), after.Rating);
    }

    [Fact]
    public async Task RateAsync_AgainCorrectsTheRating_AndTheHistoryShowsBothScores()
    {
        var id = await ResolvedTicketAsync();
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var version = await tickets.RateAsync(await scope.ActorAsync(), id, await VersionAsync(id), 2, null, Ct);

        await tickets.RateAsync(await scope.ActorAsync(), id, version, 5, "回访后客户改为满意", Ct);

        Assert.Equal(5, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Rating!.Score);
        var history = await tickets.HistoryAsync(await scope.ActorAsync(), id, Ct);
        Assert.Equal([(null, "2"), ("2", "5")], history.Where(h => h.Field == nameof(Ticket.Rating)).Select(h => (h.Before, h.After)).Reverse());
        Assert.Equal("回访后客户改为满意", Assert.Single(history, h => h.Field == nameof(Ticket.RatingComment)).After);
        // The time is the audit row's own: no separate "rated at" line.
        Assert.DoesNotContain(history, h => h.Field == nameof(Ticket.RatedAt));
    }

    [Theory]
    [InlineData("tech1")] // the technician who did the work
    [InlineData("tech2")]
    [InlineData("finance")]
    [InlineData("sales")]
    [InlineData("agent3")] // the desk, but in 杭州: the ticket is in 上海
    [InlineData("customer")] // another customer's ticket
    public async Task RateAsync_IsForbidden_ForEveryoneElse(string userName)
    {
        var id = await ResolvedTicketAsync(customersOwn: userName != "customer");
        await using var scope = await app.SignInAsync(userName);
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.RateAsync(await scope.ActorAsync(), id, await VersionAsync(id), 5, null, Ct));

        Assert.Null(await RatingAsync(id));
    }

    [Fact]
    public async Task Technician_SeesTheRating_ButMayNotRate()
    {
        var id = await ResolvedTicketAsync();
        await using var desk = await app.SignInAsync("agent");
        await desk.ServiceProvider.GetRequiredService<TicketService>().RateAsync(await desk.ActorAsync(), id, await VersionAsync(id), 3, null, Ct);
        await using var scope = await app.SignInAsync("tech1");

        var view = (await scope.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await scope.ActorAsync(), id, Ct))!;

        Assert.Equal(3, view.Rating!.Score);
        Assert.False(view.CanRate);
    }

    [Fact]
    public async Task RateAsync_RefusesAnUnfinishedTicket_WithAClearError()
    {
        var id = await TicketAsync();
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        Assert.False((await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.CanRate);

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await tickets.RateAsync(await scope.ActorAsync(), id, await VersionAsync(id), 5, null, Ct));

        Assert.Equal("RatingNeedsFinishedTicket", ex.Code);
        Assert.Null(await RatingAsync(id));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public async Task RateAsync_RefusesAScoreOutsideOneToFive(int score)
    {
        var id = await ResolvedTicketAsync();
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var ex = await Assert.ThrowsAsync<DomainException>(async () => await tickets.RateAsync(await scope.ActorAsync(), id, await VersionAsync(id), score, null, Ct));

        Assert.Equal(("RatingOutOfRange", "Rating"), (ex.Code, ex.Field));
        Assert.Null(await RatingAsync(id));
    }

    [Fact]
    public async Task RateAsync_RefusesACommentOverTheLimit()
    {
        var id = await ResolvedTicketAsync();
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var ex = await Assert.ThrowsAsync<DomainException>(async () =>
            await tickets.RateAsync(await scope.ActorAsync(), id, await VersionAsync(id), 4, new string('好', 501), Ct));

        Assert.Equal(("TooLong", "RatingComment"), (ex.Code, ex.Field));
        Assert.Null(await RatingAsync(id));
    }

    [Fact]
    public async Task RateAsync_OnAStaleVersion_IsAConflict_AndKeepsTheOtherUsersRating()
    {
        var id = await ResolvedTicketAsync();
        var seen = await VersionAsync(id);
        await using var customer = await app.SignInAsync("customer");
        await customer.ServiceProvider.GetRequiredService<TicketService>().RateAsync(await customer.ActorAsync(), id, seen, 2, "等太久", Ct);
        await using var scope = await app.SignInAsync("agent");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () =>
            await scope.ServiceProvider.GetRequiredService<TicketService>().RateAsync(await scope.ActorAsync(), id, seen, 5, null, Ct));

        Assert.Equal(2, await RatingAsync(id));
    }

    /// <summary>
    /// A repair ticket (no workflow) in 上海, assigned to tech1, as the desk creates it: for 钱建国, the demo login
    /// <c>customer</c>, or for another customer.
    /// </summary>
    private async Task<long> TicketAsync(bool customersOwn = true)
    {
        await using var desk = await app.SignInAsync("agent");
        var form = await DemoTicketForms.RepairAsync(desk);
        await using var db = await desk.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        form.CustomerId = await db.Customers.Where(c => customersOwn ? c.Name == "钱建国" : c.Name != "钱建国").OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(Ct);
        form.RegionId = await db.Regions.Where(r => r.Name == "上海").Select(r => r.Id).SingleAsync(Ct);
        form.AssigneeId = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Ct);
        return (await desk.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await desk.ActorAsync(), form, Ct)).Id;
    }

    /// <summary>The same ticket, worked and resolved by tech1.</summary>
    private async Task<long> ResolvedTicketAsync(bool customersOwn = true)
    {
        var id = await TicketAsync(customersOwn);
        await using var tech = await app.SignInAsync("tech1");
        var tickets = tech.ServiceProvider.GetRequiredService<TicketService>();
        var version = await tickets.ChangeStatusAsync(await tech.ActorAsync(), id, await VersionAsync(id), TicketStatus.InProgress, Ct);
        await tickets.ChangeStatusAsync(await tech.ActorAsync(), id, version, TicketStatus.Resolved, Ct);
        return id;
    }

    private Task<long> VersionAsync(long id) => ReadAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync(Ct));

    private Task<int?> RatingAsync(long id) => ReadAsync(db => db.Tickets.Where(t => t.Id == id).Select(t => t.Rating).SingleAsync(Ct));

    private async Task<T> ReadAsync<T>(Func<ScrmDbContext, Task<T>> query)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }
}
