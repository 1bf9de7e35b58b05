using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web.Outbox;
using Scrm.Web.Features.Sla;
using Scrm.Web.Features.Tickets;

namespace Scrm.Tests.Web.Sla;

/// <summary>What the escalation tests do to an app instance: set a policy, open a complaint in 杭州, run the job.</summary>
internal static class SlaJobHost
{
    public static SlaEscalationService Escalations(this OutboxHost host) => host.Services.GetRequiredService<SlaEscalationService>();

    /// <summary>
    /// 投诉工单 × Urgent: answer within 60 working minutes; after 30 tell the region's supervisors, after 45 its director.
    /// Replaces whatever policy the demo company has for it.
    /// </summary>
    public static async Task SetComplaintPolicyAsync(this OutboxHost host)
    {
        var admin = await host.ActorAsync("admin");
        var service = host.Services.GetRequiredService<SlaAdminService>();
        var view = await service.GetAsync(admin);
        var templateId = view.Templates.Single(t => t.Name == "投诉工单").Id;
        var existing = view.Policies.Select(p => p.Policy).SingleOrDefault(p => p.TemplateId == templateId && p.Urgency == Urgency.Urgent);
        await service.SavePolicyAsync(admin, new SlaPolicyForm(existing?.Id ?? 0, existing?.Version ?? 0, templateId, Urgency.Urgent, 60, 480,
        [
            new(SlaTarget.FirstResponse, 30, EscalationRecipient.RegionSupervisors, null),
            new(SlaTarget.FirstResponse, 45, EscalationRecipient.RegionDirector, null),
        ]));
    }

    /// <summary>An urgent complaint about a visit in 杭州, nobody assigned: its first-response clock runs.</summary>
    public static async Task<long> NewHangzhouComplaintAsync(this OutboxHost host)
    {
        var (templateId, hangzhou) = await host.QueryAsync(async db => (
            await db.TicketTemplates.Where(t => t.Name == "投诉工单").Select(t => t.Id).SingleAsync(),
            await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync()));
        var (id, _) = await host.Tickets.CreateAsync(await host.ActorAsync("agent"), new TicketForm
        {
            TemplateId = templateId,
            Title = "师傅上门未带配件",
            Urgency = Urgency.Urgent,
            RegionId = hangzhou,
            Fields = new(StringComparer.Ordinal) { ["complaint_type"] = "上门超时", ["contact_phone"] = "13800138000" },
        });
        return id;
    }

    /// <summary>Who was told of each escalation level of the ticket, by user name, in level order.</summary>
    public static Task<List<(int Level, string UserName)>> EscalationNoticesAsync(this OutboxHost host, long ticketId) =>
        host.QueryAsync(async db => (await (
                from n in db.Notifications
                where n.TicketId == ticketId && n.Kind == Scrm.Domain.Notifications.NotificationKind.SlaEscalation
                join m in db.OutboxMessages on n.SourceMessageId equals m.Id
                join u in db.Users on n.RecipientId equals u.Id
                select new { m.Payload, u.UserName }).ToListAsync())
            .Select(x => (System.Text.Json.JsonDocument.Parse(x.Payload).RootElement.GetProperty("Level").GetInt32(), x.UserName!))
            .OrderBy(x => x.Item1).ThenBy(x => x.Item2, StringComparer.Ordinal)
            .ToList());
}
