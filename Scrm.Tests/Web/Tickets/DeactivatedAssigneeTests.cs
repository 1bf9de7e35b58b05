using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// A technician who left stays on their open tickets until someone reassigns them: the desk can still edit those
/// tickets, but cannot give a ticket to someone who is no longer active.
/// </summary>
public sealed class DeactivatedAssigneeTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATicketOfADeactivatedTechnician_CanStillBeEdited_AndKeepsThem()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await app.ActorAsync("agent");
        var (ticketId, technicianId) = await OpenTicketOfAsync("tech3");
        await DeactivateAsync(technicianId);

        var form = TicketForm.Edit((await tickets.GetAsync(agent, ticketId, Ct))!);
        form.Title = "师傅离职后改的标题";
        await tickets.EditAsync(agent, ticketId, form, Ct);

        var saved = (await tickets.GetAsync(agent, ticketId, Ct))!;
        Assert.Equal(("师傅离职后改的标题", technicianId, "吴刚"), (saved.Title, saved.AssigneeId, saved.AssigneeName));
    }

    [Fact]
    public async Task GivingATicketToADeactivatedTechnician_IsRefusedBesideTheAssignee()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await app.ActorAsync("agent");
        var (ticketId, _) = await OpenTicketOfAsync("tech1");
        var formerId = await IdOfAsync("tech0");

        var form = TicketForm.Edit((await tickets.GetAsync(agent, ticketId, Ct))!);
        form.AssigneeId = formerId;
        var refused = await Assert.ThrowsAsync<DomainException>(() => tickets.EditAsync(agent, ticketId, form, Ct));

        Assert.Equal(("AssigneeNotFound", "AssigneeId"), (refused.Code, refused.Field));
        Assert.NotEqual(formerId, (await tickets.GetAsync(agent, ticketId, Ct))!.AssigneeId);
    }

    private async Task<(long TicketId, string TechnicianId)> OpenTicketOfAsync(string userName)
    {
        var id = await IdOfAsync(userName);
        await using var db = await Factory().CreateDbContextAsync(Ct);
        var ticket = await db.Tickets.Where(t => t.AssigneeId == id && (t.Status == TicketStatus.Assigned || t.Status == TicketStatus.InProgress || t.Status == TicketStatus.OnHold))
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
        return (ticket, id);
    }

    private async Task<string> IdOfAsync(string userName)
    {
        await using var db = await Factory().CreateDbContextAsync(Ct);
        return await db.UserProfiles.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(Ct);
    }

    private async Task DeactivateAsync(string userId)
    {
        await using var db = await Factory().CreateDbContextAsync(Ct);
        (await db.UserProfiles.SingleAsync(u => u.Id == userId, Ct)).Deactivate();
        await db.SaveChangesAsync(Ct);
    }

    private IDbContextFactory<ScrmDbContext> Factory() => app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
}
