using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>
/// The clock follows the ticket in the transaction that moves it: 挂起 (waiting on the customer in the default
/// settings) pauses it, going back to work resumes it, resolving stops it — stored, and shown in the history.
/// </summary>
public sealed class SlaClockKeeperTests(ServiceFixture fixture) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OnHold_PausesTheClock_BackToWork_ResumesIt_WithTheWorkingTimeItAdded_AndResolvingStopsIt()
    {
        var clock = (FakeTimeProvider)fixture.Services.GetRequiredService<TimeProvider>();
        var tickets = fixture.Services.GetRequiredService<TicketService>();
        var agent = await fixture.ActorAsync("agent");
        var id = await NewRepairAsync(agent);
        var startedAt = clock.GetUtcNow().UtcDateTime;

        await MoveAsync(agent, id, TicketStatus.InProgress);
        await MoveAsync(agent, id, TicketStatus.OnHold);
        clock.Advance(TimeSpan.FromMinutes(95));
        await MoveAsync(agent, id, TicketStatus.InProgress);
        clock.Advance(TimeSpan.FromMinutes(5));
        await MoveAsync(agent, id, TicketStatus.Resolved);

        var ticket = await LoadAsync(id);
        var pause = Assert.Single(ticket.SlaPauses);
        Assert.Equal(("OnHold", startedAt, startedAt.AddMinutes(95), 95), (pause.Reason, pause.StartedAt, pause.EndedAt!.Value, pause.PausedMinutes!.Value));
        Assert.Equal(startedAt.AddMinutes(100), ticket.SlaStoppedAt);
        Assert.Equal(startedAt, ticket.FirstRespondedAt);

        var history = await tickets.HistoryAsync(agent, id, Ct);
        // The history reads the pause rows as a pause (why) and a resume (working minutes added).
        Assert.Contains(history, h => h.Field == "SlaPaused" && h.After == "OnHold");
        Assert.Contains(history, h => h.Field == "SlaResumed" && h.After == "95");
    }

    private async Task<long> NewRepairAsync(Scrm.Domain.Common.Actor agent)
    {
        var templateId = await QueryAsync(db => db.TicketTemplates.Where(t => t.Name == "维修工单").Select(t => t.Id).SingleAsync(Ct));
        var (id, _) = await fixture.Services.GetRequiredService<TicketService>().CreateAsync(agent, new TicketForm
        {
            TemplateId = templateId,
            Title = "热水器不出热水",
            Fields = new(StringComparer.Ordinal) { ["fault_types"] = "[\"其他\"]", ["warranty"] = "延保", ["contact_phone"] = "13800138000" },
        }, Ct);
        return id;
    }

    private async Task MoveAsync(Scrm.Domain.Common.Actor agent, long id, TicketStatus next)
    {
        var tickets = fixture.Services.GetRequiredService<TicketService>();
        await tickets.ChangeStatusAsync(agent, id, (await tickets.GetAsync(agent, id, Ct))!.Version, next, Ct);
    }

    private Task<Ticket> LoadAsync(long id) => QueryAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, Ct));

    private async Task<T> QueryAsync<T>(Func<ScrmDbContext, Task<T>> query)
    {
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await query(db);
    }
}
