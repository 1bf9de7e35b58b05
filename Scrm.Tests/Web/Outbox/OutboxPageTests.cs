using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Admin;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Outbox;

/// <summary>/admin/outbox: parked messages are listed for an admin, and Retry sends them back to be delivered.</summary>
public sealed class OutboxPageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "admin";

    [Fact]
    public async Task ParkedMessage_IsListed_AndRetryDeliversIt()
    {
        Render<MudSnackbarProvider>();
        var (ticketId, number, messageId) = await ParkedNotificationAsync();

        var cut = Render<OutboxPage>();

        cut.WaitForAssertion(() => Assert.Contains("Parked messages", cut.Markup));
        var row = cut.Find("[data-testid=parked-messages] tbody tr");
        Assert.Contains(nameof(NotificationRequested), row.TextContent);
        Assert.Contains("InvalidOperationException: finance is offline", row.TextContent);
        Assert.Equal($"tickets/{ticketId}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(number, row.QuerySelector("a")!.TextContent.Trim());
        Assert.Equal("Pending 0", cut.Find("[data-testid=outbox-pending]").TextContent.Trim());

        cut.Find("[data-testid=retry-message]").Click();

        cut.WaitForAssertion(() => Assert.Contains("No parked messages", cut.Markup));
        Assert.Equal("Pending 1", cut.Find("[data-testid=outbox-pending]").TextContent.Trim());
        await Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == messageId, Ct)).DeliveredAt);
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.SourceMessageId == messageId, Ct));
    }

    [Fact]
    public async Task NonAdmin_IsRefusedByTheService()
    {
        var agent = await TestApp.ActorAsync(Services, "agent");
        var admin = Services.GetRequiredService<OutboxAdminService>();

        await Assert.ThrowsAsync<Scrm.Web.Security.ForbiddenException>(() => admin.GetAsync(agent, Ct));
        await Assert.ThrowsAsync<Scrm.Web.Security.ForbiddenException>(() => admin.RetryMessageAsync(agent, 1, Ct));
    }

    /// <summary>An urgent complaint whose Notify action's message failed five times (parked).</summary>
    private async Task<(long TicketId, string Number, long MessageId)> ParkedNotificationAsync()
    {
        var tickets = Services.GetRequiredService<TicketService>();
        var agent = await TestApp.ActorAsync(Services, "agent");
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var template = await db.TicketTemplates.Where(t => t.Name == "投诉工单").Select(t => t.Id).SingleAsync(Ct);
        var (id, number) = await tickets.CreateAsync(agent, new TicketForm
        {
            TemplateId = template,
            Title = "退款通知发不出去",
            Urgency = Urgency.Urgent,
            Fields = new(StringComparer.Ordinal)
            {
                ["complaint_type"] = "收费争议",
                ["contact_phone"] = "13800138000",
                ["handling_result"] = "同意退款",
                ["need_refund"] = "true",
                ["refund_amount"] = "100",
            },
        }, Ct);
        foreach (var press in new[] { "triage->handle", "handle->refund" })
        {
            await tickets.TransitionAsync(agent, id, (await tickets.GetAsync(agent, id, Ct))!.Version, press, Ct);
        }

        var message = await db.OutboxMessages.SingleAsync(m => m.TicketId == id && m.Type == nameof(NotificationRequested), Ct);
        for (var attempt = 0; attempt < OutboxDispatcher.MaxAttempts; attempt++)
        {
            message.Failed("InvalidOperationException: finance is offline", TestApp.Now.UtcDateTime, TimeSpan.Zero, OutboxDispatcher.MaxAttempts);
        }

        await db.SaveChangesAsync(Ct);
        return (id, number, message.Id);
    }
}
