using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web.Tickets;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>
/// A fresh 维修工单 (no workflow, no assignee) opened by 张敏 at the test clock, Wednesday 2026-11-25 14:00 China time,
/// under a policy of 4 working hours to the first response and 16 to the resolution, on the default calendar
/// (Monday to Friday, 09:00–18:00).
/// </summary>
public sealed class SlaScenario(IServiceProvider services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public FakeTimeProvider Clock => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

    public async Task<(long Id, string Number)> OpenRepairTicketAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var admin = await TestApp.ActorAsync(services, "admin");
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var form = await DemoTicketForms.RepairAsync(scope);
        // Replaces the demo company's policy for 维修工单 at this urgency.
        var demo = (await sla.GetAsync(admin, Ct)).Policies.Select(p => p.Policy).SingleOrDefault(p => p.TemplateId == form.TemplateId && p.Urgency == form.Urgency);
        await sla.SavePolicyAsync(admin, new SlaPolicyForm(demo?.Id ?? 0, demo?.Version ?? 0, form.TemplateId, form.Urgency, 4 * 60, 16 * 60,
            [new EscalationLevelInput(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null)]), Ct);
        return await scope.ServiceProvider.GetRequiredService<TicketService>().CreateAsync(await TestApp.ActorAsync(services, "agent"), form, Ct);
    }

    public async Task<long> RepairTemplateIdAsync()
    {
        await using var scope = services.CreateAsyncScope();
        return (await DemoTicketForms.RepairAsync(scope)).TemplateId;
    }

    /// <summary>Moves the ticket on by status, as the desk would.</summary>
    public async Task ChangeStatusAsync(long ticketId, params TicketStatus[] path)
    {
        await using var scope = services.CreateAsyncScope();
        var tickets = scope.ServiceProvider.GetRequiredService<TicketService>();
        var agent = await TestApp.ActorAsync(services, "agent");
        foreach (var status in path)
        {
            var version = (await tickets.GetAsync(agent, ticketId, Ct))!.Version;
            await tickets.ChangeStatusAsync(agent, ticketId, version, status, Ct);
        }
    }

    /// <summary>Flags a breach as the escalation job does.</summary>
    public async Task FlagBreachAsync(long ticketId, DateTime at)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().RunAsync(Actor.System(ActorChannel.Job), async (db, token) =>
        {
            var ticket = await db.Tickets.FindAsync([ticketId], token);
            ticket!.MarkSlaBreached(SlaTarget.FirstResponse, at);
            await db.SaveChangesAsync(token);
        }, Ct);
    }
}
