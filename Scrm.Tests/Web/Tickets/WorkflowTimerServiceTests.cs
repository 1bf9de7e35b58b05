using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The background service that moves tickets on when a Timer node's wait is over.</summary>
public sealed class WorkflowTimerServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DueTimer_MovesTheTicketOn_AndANotDueOneWaits()
    {
        await using var scope = await app.SignInAsync("agent");
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var clock = (FakeTimeProvider)app.Services.GetRequiredService<TimeProvider>();
        var timers = new WorkflowTimerService(app.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<WorkflowTimerService>.Instance);
        var id = await ComplaintAtObjectionWindowAsync(scope, tickets);

        clock.Advance(TimeSpan.FromHours(23));
        await timers.FireDueTimersAsync(Ct);
        Assert.Equal("客户异议期", (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Workflow!.CurrentNodeName);

        clock.Advance(TimeSpan.FromHours(1));
        var moved = await timers.FireDueTimersAsync(Ct);

        var view = (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!;
        Assert.True(moved >= 1);
        Assert.Equal(("已结案", TicketStatus.Closed), (view.Workflow!.CurrentNodeName, view.Status));
    }

    private static async Task<long> ComplaintAtObjectionWindowAsync(AsyncServiceScope scope, TicketService tickets)
    {
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            var template = await db.TicketTemplates.SingleAsync(t => t.Name == "投诉工单", Ct);
            var (id, _) = await tickets.CreateAsync(await scope.ActorAsync(), new TicketForm
            {
                TemplateId = template.Id,
                Title = "安装师傅迟到两小时",
                Fields = new(StringComparer.Ordinal)
                {
                    ["complaint_type"] = "上门超时",
                    ["contact_phone"] = "13800138000",
                    ["handling_result"] = "已致歉并赠送保养券",
                },
            }, Ct);

            foreach (var press in new[] { "triage->handle", "handle->refund", "followup->objection" })
            {
                await tickets.TransitionAsync(await scope.ActorAsync(), id, (await tickets.GetAsync(await scope.ActorAsync(), id, Ct))!.Version, press, Ct);
            }

            return id;
        }
    }
}
