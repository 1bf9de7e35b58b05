using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Sla;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>/admin/sla's service on the seeded demo company (real SQLite): admins only, version-checked saves, one policy per template and urgency.</summary>
public sealed class SlaAdminServiceTests(ServiceFixture app) : IClassFixture<ServiceFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASupervisor_CannotReadOrChangeTheSlaSettings()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var supervisor = await app.ActorAsync("supervisor");
        var view = await sla.GetAsync(await app.ActorAsync("admin"), Ct);
        var before = await CountsAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => sla.GetAsync(supervisor, Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => sla.SavePolicyAsync(supervisor, Policy(TemplateId(view, "维修工单"), Urgency.Low, 60, 120), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => sla.SaveCalendarAsync(supervisor, view.Calendar, Ct));

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ASecondPolicy_ForTheSameTemplateAndUrgency_IsRefusedBesideTheUrgency()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var admin = await app.ActorAsync("admin");
        var template = TemplateId(await sla.GetAsync(admin, Ct), "安装工单");

        // The demo company has 安装工单 × 紧急 already: 30 minutes to respond, 8 hours to resolve.
        var refused = await Assert.ThrowsAsync<DomainException>(() => sla.SavePolicyAsync(admin, Policy(template, Urgency.Urgent, 60, 480), Ct));

        Assert.Equal(("SlaPolicyExists", "Urgency"), (refused.Code, refused.Field));
        var saved = (await sla.GetAsync(admin, Ct)).Policies.Where(p => p.Policy.TemplateId == template && p.Policy.Urgency == Urgency.Urgent).ToList();
        Assert.Equal([(30, 480)], saved.Select(p => (p.Policy.FirstResponseMinutes, p.Policy.ResolutionMinutes)));
    }

    [Fact]
    public async Task AStalePolicyEdit_GetsTheConcurrencyMessage_AndChangesNothing()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var admin = await app.ActorAsync("admin");
        var seen = DemoPolicy(await sla.GetAsync(admin, Ct), "维修工单", Urgency.High);
        await sla.SavePolicyAsync(admin, seen with { ResolutionMinutes = 600 }, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sla.SavePolicyAsync(admin, seen with { FirstResponseMinutes = 15 }, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sla.DeletePolicyAsync(admin, seen.Id, seen.Version, Ct));

        var now = (await sla.GetAsync(admin, Ct)).Policies.Single(p => p.Policy.Id == seen.Id).Policy;
        Assert.Equal((60, 600), (now.FirstResponseMinutes, now.ResolutionMinutes));
    }

    [Fact]
    public async Task AnEscalationToADeactivatedPerson_IsRefusedOnItsLevel_AndNothingIsSaved()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var admin = await app.ActorAsync("admin");
        var seen = DemoPolicy(await sla.GetAsync(admin, Ct), "维修工单", Urgency.Normal);
        var deactivated = await IdOfAsync("tech0");
        var form = seen with
        {
            Levels = [new(SlaTarget.FirstResponse, 30, EscalationRecipient.RegionSupervisors, null), new(SlaTarget.Resolution, 240, EscalationRecipient.User, deactivated)],
        };

        var refused = await Assert.ThrowsAsync<DomainException>(() => sla.SavePolicyAsync(admin, form, Ct));

        Assert.Equal(("EscalationUserInactive", "Levels[1]"), (refused.Code, refused.Field));
        var now = (await sla.GetAsync(admin, Ct)).Policies.Single(p => p.Policy.Id == seen.Id).Policy;
        Assert.Equal(seen.Version, now.Version);
        Assert.DoesNotContain(now.Levels, l => l.UserId == deactivated);
    }

    [Fact]
    public async Task TheCalendar_SavedFromAnOlderVersion_GetsTheConcurrencyMessage_AndKeepsTheNewerSave()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var admin = await app.ActorAsync("admin");
        var seen = (await sla.GetAsync(admin, Ct)).Calendar;
        var nationalDay = new HolidayRange(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节");
        var saved = await sla.SaveCalendarAsync(admin, seen with { Holidays = [nationalDay] }, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => sla.SaveCalendarAsync(admin, seen with { Holidays = [] }, Ct));

        var now = (await sla.GetAsync(admin, Ct)).Calendar;
        Assert.Equal(saved, now.Version);
        Assert.Equal([nationalDay], now.Holidays);
    }

    [Fact]
    public async Task OverlappingHolidays_AreRefused_AndTheCalendarStaysAsItWas()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sla = scope.ServiceProvider.GetRequiredService<SlaAdminService>();
        var admin = await app.ActorAsync("admin");
        var seen = (await sla.GetAsync(admin, Ct)).Calendar;
        HolidayRange[] overlapping = [new(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 7), "国庆节"), new(new DateOnly(2026, 10, 6), new DateOnly(2026, 10, 8), "中秋节")];

        var refused = await Assert.ThrowsAsync<DomainException>(() => sla.SaveCalendarAsync(admin, seen with { Holidays = overlapping, WaitingStatuses = [TicketStatus.OnHold, TicketStatus.Assigned] }, Ct));

        Assert.Equal(("HolidaysOverlap", "Holidays"), (refused.Code, refused.Field));
        var now = (await sla.GetAsync(admin, Ct)).Calendar;
        Assert.Equal(seen.Version, now.Version);
        Assert.Equal(seen.Holidays, now.Holidays);
        Assert.Equal(seen.WaitingStatuses.Order(), now.WaitingStatuses.Order());
    }

    private static SlaPolicyForm Policy(long templateId, Urgency urgency, int firstResponse, int resolution) =>
        new(0, 0, templateId, urgency, firstResponse, resolution, []);

    private static long TemplateId(SlaAdminView view, string name) => view.Templates.Single(t => t.Name == name).Id;

    private static SlaPolicyForm DemoPolicy(SlaAdminView view, string template, Urgency urgency) =>
        view.Policies.Single(p => p.TemplateName == template && p.Policy.Urgency == urgency).Policy;

    private async Task<string> IdOfAsync(string userName)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.UserProfiles.Where(p => p.UserName == userName).Select(p => p.Id).SingleAsync(Ct);
    }

    private async Task<(int Policies, int Settings)> CountsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return (await db.SlaPolicies.CountAsync(Ct), await db.SlaSettings.CountAsync(Ct));
    }
}
