using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Tests.Web.Regions;
using Scrm.Web.Features.Sla;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>/admin/sla as 王磊 (admin): the policy list in words, refusals beside their fields, the calendar's checks.</summary>
public sealed class SlaPageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "admin";

    // These tests set SLA up from scratch: the demo company's calendar and policies are removed first.
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        await db.SlaPolicies.ExecuteDeleteAsync(Ct);
        await db.SlaSettings.ExecuteDeleteAsync(Ct);
    }

    [Fact]
    public async Task PolicyList_ShowsTargetsAndTheEscalationChainInWords()
    {
        var sla = Services.GetRequiredService<SlaAdminService>();
        var admin = await TestApp.ActorAsync(Services, "admin");
        var view = await sla.GetAsync(admin, Ct);
        var supervisor = view.People.Single(p => p.DisplayName == "李娜").Id;
        await sla.SavePolicyAsync(admin, new SlaPolicyForm(0, 0, view.Templates.Single(t => t.Name == "维修工单").Id, Urgency.Normal, 240, 26 * 60 + 30,
        [
            new EscalationLevelInput(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null),
            new EscalationLevelInput(SlaTarget.Resolution, 180, EscalationRecipient.User, supervisor),
        ]), Ct);

        var cut = this.RenderPage<SlaPage>();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=policy-row]")));
        var row = cut.Find("[data-testid=policy-row]");
        Assert.Equal("维修工单/Normal", row.GetAttribute("data-policy"));
        Assert.Equal("4 h", row.QuerySelector("[data-testid=policy-first-response]")!.TextContent.Trim());
        Assert.Equal("26 h 30 min", row.QuerySelector("[data-testid=policy-resolution]")!.TextContent.Trim());
        Assert.Equal(["1. First response after 1 h → Region supervisors", "2. Resolution after 3 h → 李娜"],
            row.QuerySelectorAll("[data-testid=policy-level]").Select(l => l.TextContent.Trim()));
    }

    [Fact]
    public async Task ANewPolicyWithAZeroTarget_IsRefusedBesideThatTarget_AndNothingIsSaved()
    {
        var cut = this.RenderPage<SlaPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-policy]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=sla-policy-dialog]")));

        cut.Find("input[data-testid=policy-first-response-amount]").Change("0");
        cut.Find("[data-testid=save-policy]").Click();

        cut.WaitForAssertion(() => Assert.Equal("An SLA target must be longer than zero.", HelperOf(cut, "policy-first-response-amount")));
        Assert.Equal("", HelperOf(cut, "policy-resolution-amount"));
        Assert.Equal(0, await CountAsync(db => db.SlaPolicies));
    }

    [Fact]
    public async Task AFirstResponseLongerThanTheResolution_IsRefusedBesideTheFirstResponse()
    {
        var cut = this.RenderPage<SlaPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-policy]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=sla-policy-dialog]")));

        cut.Find("input[data-testid=policy-first-response-amount]").Change("10");
        cut.Find("[data-testid=save-policy]").Click();

        cut.WaitForAssertion(() => Assert.Equal("The first response cannot be allowed longer than the resolution.", HelperOf(cut, "policy-first-response-amount")));
        Assert.Equal(0, await CountAsync(db => db.SlaPolicies));
    }

    [Fact]
    public async Task CalendarTab_RefusesOverlappingHolidays_WithTheirNames_AndSavesNothing()
    {
        var cut = this.RenderPage<SlaPage>();
        cut.WaitForAssertion(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Working calendar").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=add-holiday]")));

        cut.Find("[data-testid=add-holiday]").Click();
        cut.Find("[data-testid=add-holiday]").Click();
        FillHoliday(cut, 0, "国庆节", "2026-10-01", "2026-10-07");
        FillHoliday(cut, 1, "中秋节", "2026-10-06", "2026-10-08");
        cut.Find("[data-testid=save-calendar]").Click();

        cut.WaitForAssertion(() => Assert.Equal("国庆节 and 中秋节 overlap: a day can be in one holiday only.", cut.Find("[data-testid=holidays-error]").TextContent.Trim()));
        Assert.Equal(["7 days off", "3 days off"], cut.FindAll("[data-testid=holiday-days]").Select(d => d.TextContent.Trim()));
        Assert.Equal(["2026-10-01 to 10-07 国庆节: 7 days off", "2026-10-06 to 10-08 中秋节: 3 days off"],
            cut.FindAll("[data-testid=preview-line]").Select(l => l.TextContent.Trim()));
        Assert.Equal(0, await CountAsync(db => db.SlaSettings));
    }

    [Fact]
    public async Task CalendarTab_SavesTheWeekAndAHoliday()
    {
        var cut = this.RenderPage<SlaPage>();
        cut.WaitForAssertion(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Working calendar").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=add-holiday]")));

        cut.Find("[data-day=Saturday] input[type=checkbox]").Change(true);
        cut.Find("[data-day=Saturday] input[data-testid=weekday-end]").Change("12:00");
        cut.Find("[data-testid=add-holiday]").Click();
        FillHoliday(cut, 0, "元旦", "2027-01-01", "2027-01-01");
        cut.Find("[data-testid=save-calendar]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, Count(db => db.SlaSettings)));
        var calendar = (await Services.GetRequiredService<SlaAdminService>().GetAsync(await TestApp.ActorAsync(Services, "admin"), Ct)).Calendar;
        Assert.Equal(new WorkingHours(new TimeOnly(9, 0), new TimeOnly(12, 0)), calendar.Week[DayOfWeek.Saturday]);
        Assert.Equal(6, calendar.Week.Count);
        Assert.Equal([new HolidayRange(new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 1), "元旦")], calendar.Holidays);
    }

    private static void FillHoliday(IRenderedComponent<ContainerFragment> cut, int index, string name, string from, string to)
    {
        cut.FindAll("input[data-testid=holiday-name]")[index].Input(name);
        cut.FindAll("input[data-testid=holiday-from]")[index].Change(from);
        cut.FindAll("input[data-testid=holiday-to]")[index].Change(to);
    }

    private static string HelperOf(IRenderedComponent<ContainerFragment> cut, string testId) =>
        cut.Find($"input[data-testid={testId}]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() ?? "";

    private async Task<int> CountAsync<T>(Func<ScrmDbContext, IQueryable<T>> set)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await set(db).CountAsync(Ct);
    }

    private int Count<T>(Func<ScrmDbContext, IQueryable<T>> set)
    {
        using var db = Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContext();
        return set(db).Count();
    }
}
