using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Common;
using Scrm.Domain.Notifications;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web;
using Scrm.Tests.Web.Live;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Data;

/// <summary>
/// Assignment and mention notifications end to end on real SQLite: the command, its outbox message, the consumer, and
/// the recipient's preferences. Each test works on its own ticket of the shared seeded database.
/// </summary>
public sealed class NotificationDeliveryTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider Services => fixture.Services;

    [Fact]
    public async Task Assigning_NotifiesTheNewAssigneeOnce_NamingWhoAssigned_EvenWhenDeliveredAgain()
    {
        var ticketId = await TicketAsync(0);
        var tech1 = await fixture.ActorAsync("tech1");

        await LiveEdits.EditAsync(Services, "agent", ticketId, f => f.AssigneeId = tech1.UserId);
        await DeliverAsync();
        await RedeliverAsync(nameof(TicketAssigned), ticketId);

        var notification = Assert.Single(await NotificationsAsync(ticketId, NotificationKind.Assigned));
        Assert.Equal((tech1.UserId, "张敏"), (notification.RecipientId, notification.Text));
    }

    [Fact]
    public async Task AssigningToOneself_NotifiesNobody()
    {
        var ticketId = await TicketAsync(1);
        var tech2 = await fixture.ActorAsync("tech2");

        // A job or rule acting as the technician themselves: the assignment's actor is its assignee.
        await Services.GetRequiredService<UnitOfWork>().RunAsync(tech2, async (db, ct) =>
        {
            var ticket = await db.Tickets.Include(t => t.Fields).SingleAsync(t => t.Id == ticketId, ct);
            var template = await db.TicketTemplates.WithForm().SingleAsync(t => t.Id == ticket.TemplateId, ct);
            var form = TicketForm.Edit((await Services.GetRequiredService<TicketService>().GetAsync(await fixture.ActorAsync("admin"), ticketId, ct))!);
            form.AssigneeId = tech2.UserId;
            ticket.Edit(template, form.Details, form.Fields, Services.GetRequiredService<TimeProvider>());
            await db.SaveChangesAsync(ct);
        }, Ct);
        await DeliverAsync();

        Assert.Equal(1, await OutboxCountAsync(nameof(TicketAssigned), ticketId, tech2.UserId));
        Assert.Empty(await NotificationsAsync(ticketId, NotificationKind.Assigned));
    }

    [Fact]
    public async Task AMutedKind_IsNotDelivered_OtherKindsStillAre()
    {
        var ticketId = await TicketAsync(2);
        var tech4 = await fixture.ActorAsync("tech4");
        await Services.GetRequiredService<NotificationPreferenceService>().SaveAsync(tech4, 0, [NotificationKind.Assigned], Ct);

        await LiveEdits.EditAsync(Services, "agent", ticketId, f => f.AssigneeId = tech4.UserId);
        await Services.GetRequiredService<TicketService>().AddCommentAsync(await fixture.ActorAsync("agent"), ticketId, "@郑海 请今天上门", [tech4.UserId], Ct);
        await DeliverAsync();

        Assert.Empty(await NotificationsAsync(ticketId, NotificationKind.Assigned));
        var mention = Assert.Single(await NotificationsAsync(ticketId, NotificationKind.Mentioned));
        Assert.Equal((tech4.UserId, "@郑海 请今天上门"), (mention.RecipientId, mention.Text));
    }

    [Fact]
    public async Task Mentions_OfferOnlyActiveStaffWhoMayReadTheTicket()
    {
        var ticketId = await ShanghaiTicketAssignedToTech1Async(3);

        var candidates = await Services.GetRequiredService<TicketService>().MentionCandidatesAsync(await fixture.ActorAsync("agent"), ticketId, Ct);

        // Central desk, 上海's supervisor and the assigned technician; not 张敏 (the author), 杭州's or 浙江's staff,
        // other technicians, finance, sales or the customer.
        Assert.Equal(["李娜", "王磊", "赵强", "陈静", "马超"], candidates.Select(c => c.DisplayName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("supervisor2")] // 杭州 only: cannot see a 上海 ticket
    [InlineData("tech2")] // a technician the ticket is not assigned to
    [InlineData("customer")]
    [InlineData("tech0")] // deactivated
    public async Task MentioningSomeoneWhoMayNotSeeTheTicket_IsRefused_AndNothingIsSaved(string userName)
    {
        var ticketId = await ShanghaiTicketAssignedToTech1Async(4);
        var agent = await fixture.ActorAsync("agent");
        var outsider = await fixture.ActorAsync(userName);
        var supervisor3 = await fixture.ActorAsync("supervisor3");

        var ex = await Assert.ThrowsAsync<DomainException>(() => Services.GetRequiredService<TicketService>()
            .AddCommentAsync(agent, ticketId, "请看一下", [supervisor3.UserId, outsider.UserId], Ct));

        Assert.Equal(("MentionNotAllowed", "Mentions"), (ex.Code, ex.Field));
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.False(await db.TicketComments.AnyAsync(c => c.TicketId == ticketId && c.Text == "请看一下", Ct));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.TicketId == ticketId && m.Type == nameof(TicketCommented), Ct));
    }

    [Fact]
    public async Task AMention_IsStored_ShownByName_AndNotifiesTheMentionedOnce()
    {
        var ticketId = await ShanghaiTicketAssignedToTech1Async(5);
        var agent = await fixture.ActorAsync("agent");
        var supervisor3 = await fixture.ActorAsync("supervisor3");
        var tickets = Services.GetRequiredService<TicketService>();

        await tickets.AddCommentAsync(agent, ticketId, "@马超 客户要求今天回电", [supervisor3.UserId], Ct);
        await DeliverAsync();
        await RedeliverAsync(nameof(TicketCommented), ticketId);

        var comment = Assert.Single(await tickets.CommentsAsync(agent, ticketId, Ct), c => c.Text == "@马超 客户要求今天回电");
        Assert.Equal(["马超"], comment.MentionedNames);
        var notification = Assert.Single(await NotificationsAsync(ticketId, NotificationKind.Mentioned));
        Assert.Equal((supervisor3.UserId, "@马超 客户要求今天回电"), (notification.RecipientId, notification.Text));
    }

    [Fact]
    public async Task SavingPreferences_FromAStaleVersion_IsAConflict_AndKeepsTheFirstSave()
    {
        var preferences = Services.GetRequiredService<NotificationPreferenceService>();
        var sales = await fixture.ActorAsync("sales");

        var version = await preferences.SaveAsync(sales, 0, [NotificationKind.Escalation], Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => preferences.SaveAsync(sales, 0, [NotificationKind.Workflow], Ct));

        var choices = await preferences.GetAsync(sales, Ct);
        Assert.Equal(1, version);
        Assert.Equal(1, choices.Version);
        Assert.False(choices.Wanted[NotificationKind.Escalation]);
        Assert.True(choices.Wanted[NotificationKind.Workflow]);
        Assert.Equal(Enum.GetValues<NotificationKind>(), choices.Wanted.Keys.Order());
    }

    /// <summary>The n-th open demo ticket, unassigned first so each test's assignment is its own.</summary>
    private async Task<long> TicketAsync(int n)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var id = await db.Tickets.Where(t => t.Status == TicketStatus.InProgress).OrderBy(t => t.Id).Select(t => t.Id).Skip(n).FirstAsync(Ct);
        await LiveEdits.EditAsync(Services, "agent", id, f => f.AssigneeId = null);
        return id;
    }

    private async Task<long> ShanghaiTicketAssignedToTech1Async(int n)
    {
        var id = await TicketAsync(n);
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var shanghai = await db.Regions.Where(r => r.Name == "上海" && r.ParentId != null).Select(r => r.Id).SingleAsync(Ct);
        var tech1 = await fixture.ActorAsync("tech1");
        await LiveEdits.EditAsync(Services, "agent", id, f => (f.RegionId, f.AssigneeId) = (shanghai, tech1.UserId));
        return id;
    }

    private Task DeliverAsync() => Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);

    /// <summary>Every message of the type for the ticket delivered once more, as after a claim ran out mid-delivery.</summary>
    private async Task RedeliverAsync(string type, long ticketId)
    {
        var consumer = Services.GetRequiredKeyedService<IOutboxConsumer>(type);
        await Services.GetRequiredService<UnitOfWork>().RunAsync(Actor.System(ActorChannel.Job), async (db, ct) =>
        {
            foreach (var m in await db.OutboxMessages.AsNoTracking().Where(m => m.Type == type && m.TicketId == ticketId).ToListAsync(ct))
            {
                await consumer.ConsumeAsync(new OutboxDelivery(m.Id, m.Type, m.TicketId, m.Payload, m.ActorId), db, ct);
            }

            await db.SaveChangesAsync(ct);
        }, Ct);
    }

    /// <summary>How many messages of the type for the ticket record <paramref name="actorId"/> as who made the change.</summary>
    private async Task<int> OutboxCountAsync(string type, long ticketId, string actorId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.OutboxMessages.CountAsync(m => m.Type == type && m.TicketId == ticketId && m.ActorId == actorId, Ct);
    }

    private async Task<List<Notification>> NotificationsAsync(long ticketId, NotificationKind kind)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Notifications.AsNoTracking().Where(n => n.TicketId == ticketId && n.Kind == kind).ToListAsync(Ct);
    }
}
