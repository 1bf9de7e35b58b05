using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Sla;

/// <summary>
/// /admin/sla: the business calendar, the waiting statuses and the policies. Admins only, every command re-checks it;
/// every save is against the version the admin saw.
/// </summary>
public sealed class SlaAdminService(UnitOfWork work)
{
    public Task<SlaAdminView> GetAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync(async (db, token) =>
        {
            var saved = await db.SlaSettings.AsNoTracking().SingleOrDefaultAsync(token);
            var settings = saved ?? SlaSettings.Default();
            var calendar = new SlaCalendarForm(
                saved?.Version ?? 0,
                settings.Week.ToDictionary(d => d.Day, d => new WorkingHours(d.Start, d.End)),
                settings.Holidays.OrderBy(h => h.From).Select(h => new HolidayRange(h.From, h.To, h.Name)).ToList(),
                settings.MakeUpDays.OrderBy(m => m.Date).Select(m => new MakeUpWorkday(m.Date, m.Name, new WorkingHours(m.Start, m.End))).ToList(),
                settings.WaitingStatuses.ToList());
            var templates = await db.TicketTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            var names = templates.ToDictionary(t => t.Id, t => t.Name);
            var policies = (await db.SlaPolicies.AsNoTracking().ToListAsync(token))
                .OrderBy(p => names.GetValueOrDefault(p.TemplateId)).ThenBy(p => p.Urgency)
                .Select(p => new SlaPolicyRow(FormOf(p), names.GetValueOrDefault(p.TemplateId, "")))
                .ToList();
            var people = await db.UserProfiles.AsNoTracking()
                .Where(p => p.IsActive && (p.Role == Role.Supervisor || p.Role == Role.Admin || p.Role == Role.Agent))
                .OrderBy(p => p.DisplayName).Select(p => new SlaPerson(p.Id, p.DisplayName)).ToListAsync(token);
            return new SlaAdminView(calendar, policies, templates.Select(t => (t.Id, t.Name)).ToList(), people);
        }, ct);
    }

    /// <summary>Saves the calendar and waiting statuses; returns the new version.</summary>
    public Task<long> SaveCalendarAsync(Actor actor, SlaCalendarForm form, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var settings = await db.SlaSettings.SingleOrDefaultAsync(token);
            if ((settings?.Version ?? 0) != form.Version)
            {
                throw new ConcurrencyConflictException();
            }

            if (settings is null)
            {
                settings = SlaSettings.Default();
                db.SlaSettings.Add(settings);
            }

            settings.Update(form.Week, form.Holidays, form.MakeUpDays, form.WaitingStatuses);
            // Two admins saving the first calendar at once: the second insert hits the key and gets the concurrency message.
            await db.SaveChangesOrConflictAsync(token, () => new ConcurrencyConflictException());
            return settings.Version;
        }, ct);
    }

    /// <summary>Creates or changes a policy; returns its id.</summary>
    public Task<long> SavePolicyAsync(Actor actor, SlaPolicyForm form, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            if (!await db.TicketTemplates.AnyAsync(t => t.Id == form.TemplateId, token))
            {
                throw new DomainException("TemplateNotFound", "Choose a ticket template.") { Field = "TemplateId" };
            }

            var userIds = form.Levels.Select(l => l.UserId).OfType<string>().Distinct().ToList();
            var active = (await db.UserProfiles.Where(p => userIds.Contains(p.Id) && p.IsActive).Select(p => p.Id).ToListAsync(token)).ToHashSet();
            SlaPolicy policy;
            if (form.Id == 0)
            {
                policy = SlaPolicy.Create(form.TemplateId, form.Urgency, form.FirstResponseMinutes, form.ResolutionMinutes, form.Levels, active.Contains);
                if (await db.SlaPolicies.AnyAsync(p => p.TemplateId == form.TemplateId && p.Urgency == form.Urgency, token))
                {
                    throw PolicyExists();
                }

                db.SlaPolicies.Add(policy);
            }
            else
            {
                policy = await LoadAsync(db, form.Id, form.Version, token);
                policy.Change(form.FirstResponseMinutes, form.ResolutionMinutes, form.Levels, active.Contains);
            }

            await db.SaveChangesOrConflictAsync(token, PolicyExists);
            return policy.Id;
        }, ct);
    }

    public Task DeletePolicyAsync(Actor actor, long id, long version, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var policy = await LoadAsync(db, id, version, token);
            policy.Delete();
            db.SlaPolicies.Remove(policy);
            await db.SaveChangesOrConflictAsync(token);
        }, ct);
    }

    private static async Task<SlaPolicy> LoadAsync(ScrmDbContext db, long id, long version, CancellationToken ct)
    {
        var policy = await db.SlaPolicies.SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new DomainException("SlaPolicyGone", "This policy no longer exists. Reload the page.");
        return policy.Version == version ? policy : throw new ConcurrencyConflictException();
    }

    private static SlaPolicyForm FormOf(SlaPolicy p) => new(p.Id, p.Version, p.TemplateId, p.Urgency, p.FirstResponseMinutes, p.ResolutionMinutes,
        p.Levels.OrderBy(l => l.Level).Select(l => new EscalationLevelInput(l.Target, l.AfterMinutes, l.Recipient, l.UserId)).ToList());

    private static DomainException PolicyExists() =>
        new("SlaPolicyExists", "This template already has a policy for this urgency; edit that one.") { Field = "Urgency" };
}
