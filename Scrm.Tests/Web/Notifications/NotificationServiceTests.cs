using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data.Changes;
using Scrm.Domain.Notifications;
using Scrm.Web.Features.Notifications;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Notifications;

/// <summary>Each user sees and marks only their own notifications; marking read reaches the change feed.</summary>
public sealed class NotificationServiceTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NotificationService Service => fixture.Services.GetRequiredService<NotificationService>();

    [Fact]
    public async Task ListAndCount_ShowOnlyTheActorsOwn_NewestFirst_WithTheTicket()
    {
        var tech = await fixture.ActorAsync("tech1");
        var finance = await fixture.ActorAsync("finance");
        var ticket = await NotificationSeed.FirstTicketAsync(fixture.Services);
        var older = await NotificationSeed.AddAsync(fixture.Services, tech.UserId, ticket.Id, "Please visit the customer", read: true);
        ((FakeTimeProvider)fixture.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(1));
        var newer = await NotificationSeed.AddAsync(fixture.Services, tech.UserId, ticket.Id, "Bring the spare part");
        await NotificationSeed.AddAsync(fixture.Services, finance.UserId, ticket.Id, "Not for the technician");

        var rows = await Service.ListAsync(tech, ct: Ct);
        var count = await Service.UnreadCountAsync(tech, Ct);

        Assert.Equal([newer, older], rows.Select(r => r.Id));
        Assert.Equal([false, true], rows.Select(r => r.IsRead));
        Assert.Equal("Bring the spare part", rows[0].Text);
        Assert.Equal((ticket.Id, ticket.Number, ticket.Title), (rows[0].TicketId, rows[0].TicketNumber, rows[0].TicketTitle));
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task MarkRead_SetsReadAt_IsIdempotent_AndPublishesOneChangeForTheRecipient()
    {
        var sales = await fixture.ActorAsync("sales");
        var ticket = await NotificationSeed.FirstTicketAsync(fixture.Services);
        var id = await NotificationSeed.AddAsync(fixture.Services, sales.UserId, ticket.Id, "Quote needed");
        var published = new List<Change>();
        using var subscription = fixture.Services.GetRequiredService<IChangeFeed>().Subscribe(batch =>
        {
            lock (published)
            {
                published.AddRange(batch.Where(c => c.Kind == ChangeKinds.Notification && c.Id == id));
            }
        });

        await Service.MarkReadAsync(sales, id, Ct);
        var firstReadAt = await NotificationSeed.ReadAtAsync(fixture.Services, id);
        ((FakeTimeProvider)fixture.Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(5));
        await Service.MarkReadAsync(sales, id, Ct);

        Assert.NotNull(firstReadAt);
        Assert.Equal(firstReadAt, await NotificationSeed.ReadAtAsync(fixture.Services, id));
        var change = Assert.Single(published);
        Assert.Equal(["NotificationRead"], change.What);
        Assert.Equal(sales.UserId, change.RecipientId);
        Assert.Equal(sales.UserId, change.ActorId);
    }

    [Fact]
    public async Task MarkRead_SomeoneElses_IsRefused_AndStaysUnread()
    {
        var supervisor = await fixture.ActorAsync("supervisor");
        var agent = await fixture.ActorAsync("agent");
        var ticket = await NotificationSeed.FirstTicketAsync(fixture.Services);
        var id = await NotificationSeed.AddAsync(fixture.Services, supervisor.UserId, ticket.Id, "Escalated ticket");

        await Assert.ThrowsAsync<ForbiddenException>(() => Service.MarkReadAsync(agent, id, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => Service.MarkReadAsync(agent, 987_654, Ct));

        Assert.Null(await NotificationSeed.ReadAtAsync(fixture.Services, id));
    }

    [Fact]
    public async Task MarkAllRead_ReadsOnlyTheActorsOwn()
    {
        var customer = await fixture.ActorAsync("customer");
        var admin = await fixture.ActorAsync("admin");
        var ticket = await NotificationSeed.FirstTicketAsync(fixture.Services);
        var mine1 = await NotificationSeed.AddAsync(fixture.Services, customer.UserId, ticket.Id, "Your technician is on the way");
        var mine2 = await NotificationSeed.AddAsync(fixture.Services, customer.UserId, ticket.Id, "Your ticket is done", NotificationKind.Escalation);
        var theirs = await NotificationSeed.AddAsync(fixture.Services, admin.UserId, ticket.Id, "For the admin");

        await Service.MarkAllReadAsync(customer, Ct);

        Assert.NotNull(await NotificationSeed.ReadAtAsync(fixture.Services, mine1));
        Assert.NotNull(await NotificationSeed.ReadAtAsync(fixture.Services, mine2));
        Assert.Null(await NotificationSeed.ReadAtAsync(fixture.Services, theirs));
        Assert.Equal(0, await Service.UnreadCountAsync(customer, Ct));
        Assert.Equal(1, await Service.UnreadCountAsync(admin, Ct));
    }
}
