using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>Who may read and work a ticket, checked by the server whatever the page showed: desk, technician, customer.</summary>
public sealed class TicketAccessTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_LetsTechnicianSeeOnlyOwnTickets()
    {
        await using var scope = await app.SignInAsync("tech1");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        await using var dbScope = app.Services.CreateAsyncScope();
        await using var db = await dbScope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var techId = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Ct);
        var own = await db.Tickets.FirstAsync(t => t.AssigneeId == techId, Ct);
        var other = await db.Tickets.FirstAsync(t => t.AssigneeId != techId, Ct);

        Assert.NotNull(await tickets.GetAsync(await scope.ActorAsync(), own.Id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.GetAsync(await scope.ActorAsync(), other.Id, Ct));
    }

    [Fact]
    public async Task Technician_CommentsOnOwnTicket_AndReadsItsNotes_ButNotOnOthers()
    {
        var own = await RepairTicketForAsync("tech1");
        var others = await RepairTicketForAsync("tech2");
        await using var scope = await app.SignInAsync("tech1");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        await tickets.AddCommentAsync(await scope.ActorAsync(), own, "已到现场，压缩机需更换", Ct);

        Assert.Equal(["已到现场，压缩机需更换"], (await tickets.CommentsAsync(await scope.ActorAsync(), own, Ct)).Select(c => c.Text));
        Assert.Equal("赵强", (await tickets.CommentsAsync(await scope.ActorAsync(), own, Ct))[0].AuthorName);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.AddCommentAsync(await scope.ActorAsync(), others, "不是我的单", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.CommentsAsync(await scope.ActorAsync(), others, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.HistoryAsync(await scope.ActorAsync(), others, Ct));
    }

    [Fact]
    public async Task Technician_StartsAndFinishesOwnTicketWithoutWorkflow_ButCannotCancelIt_OrMoveOthers()
    {
        var own = await RepairTicketForAsync("tech1");
        var others = await RepairTicketForAsync("tech2");
        await using var scope = await app.SignInAsync("tech1");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var view = (await tickets.GetAsync(await scope.ActorAsync(), own, Ct))!;
        Assert.Equal([TicketStatus.InProgress], view.NextStatuses);

        var version = await tickets.ChangeStatusAsync(await scope.ActorAsync(), own, view.Version, TicketStatus.InProgress, Ct);
        Assert.Equal([TicketStatus.Resolved, TicketStatus.OnHold], (await tickets.GetAsync(await scope.ActorAsync(), own, Ct))!.NextStatuses);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.ChangeStatusAsync(await scope.ActorAsync(), own, version, TicketStatus.Cancelled, Ct));
        await tickets.ChangeStatusAsync(await scope.ActorAsync(), own, version, TicketStatus.Resolved, Ct);

        Assert.Equal(TicketStatus.Resolved, (await tickets.GetAsync(await scope.ActorAsync(), own, Ct))!.Status);
        await using var desk = await app.SignInAsync("agent");
        var othersVersion = (await desk.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await desk.ActorAsync(), others, Ct))!.Version;
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.ChangeStatusAsync(await scope.ActorAsync(), others, othersVersion, TicketStatus.InProgress, Ct));
        Assert.Equal(TicketStatus.Assigned, (await desk.ServiceProvider.GetRequiredService<TicketService>().GetAsync(await desk.ActorAsync(), others, Ct))!.Status);
    }

    [Fact]
    public async Task Customer_ReadsOwnTickets_WithoutButtonsOrNotes_AndNeverAnotherCustomers()
    {
        await using var desk = await app.SignInAsync("agent");
        var deskTickets = desk.ServiceProvider.GetRequiredService<TicketService>();
        var ownForm = await DemoTicketForms.InstallAsync(desk);
        ownForm.CustomerId = await CustomerIdAsync("钱建国");
        var own = (await deskTickets.CreateAsync(await desk.ActorAsync(), ownForm, Ct)).Id;
        var others = (await deskTickets.CreateAsync(await desk.ActorAsync(), await DemoTicketForms.InstallAsync(desk), Ct)).Id;
        await using var scope = await app.SignInAsync("customer");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();

        var view = (await tickets.GetAsync(await scope.ActorAsync(), own, Ct))!;

        Assert.Equal((TicketAccess.Read, false, "钱建国"), (view.Access, view.CanEdit, view.CustomerName));
        Assert.Empty(view.NextStatuses);
        Assert.Empty(view.Workflow!.Buttons);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.GetAsync(await scope.ActorAsync(), others, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.CommentsAsync(await scope.ActorAsync(), own, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.HistoryAsync(await scope.ActorAsync(), own, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.AddCommentAsync(await scope.ActorAsync(), own, "能快点吗", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.TransitionAsync(await scope.ActorAsync(), own, view.Version, "accept->dispatch", Ct));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await tickets.ChangeStatusAsync(await scope.ActorAsync(), own, view.Version, TicketStatus.Cancelled, Ct));
    }

    /// <summary>A repair ticket (no workflow) assigned to the technician <paramref name="userName"/>, created by the desk.</summary>
    private async Task<long> RepairTicketForAsync(string userName)
    {
        await using var desk = await app.SignInAsync("agent");
        var form = await DemoTicketForms.RepairAsync(desk);
        await using var db = await desk.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        form.AssigneeId = await db.UserProfiles.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
        return (await desk.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await desk.ActorAsync(), form, Ct)).Id;
    }

    private async Task<long> CustomerIdAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Customers.Where(c => c.Name == name).Select(c => c.Id).SingleAsync(Ct);
    }
}
