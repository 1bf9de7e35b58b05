using System.Globalization;
using Bunit;
using MudBlazor;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>The ticket page's SLA countdowns, in Chinese, for a repair ticket opened Wednesday 14:00 under 4 h / 16 h targets.</summary>
public sealed class TicketSlaPanelTests : ScrmComponentTest
{
    [Fact]
    public async Task ANewTicket_CountsDownBothTargets_AndMovesOnWithTheClock()
    {
        var scenario = new SlaScenario(Services);
        var (id, _) = await scenario.OpenRepairTicketAsync();

        var cut = RenderTicketPage(id);

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=sla-target]").Count));
        Assert.Equal(
            ["FirstResponse OnTrack 正常 · 剩余 4 小时 | 截止 2026-11-25 18:00 · 时限 4 小时（工作时间）",
             "Resolution OnTrack 正常 · 剩余 16 小时 | 截止 2026-11-27 12:00 · 时限 16 小时（工作时间）"],
            Targets(cut));

        // Three working hours later the first response has used three quarters of its four hours.
        scenario.Clock.Advance(TimeSpan.FromHours(3));

        cut.WaitForAssertion(() => Assert.Equal(
            ["FirstResponse DueSoon 即将超时 · 剩余 1 小时 | 截止 2026-11-25 18:00 · 时限 4 小时（工作时间）",
             "Resolution OnTrack 正常 · 剩余 13 小时 | 截止 2026-11-27 12:00 · 时限 16 小时（工作时间）"],
            Targets(cut)));
        Assert.Empty(cut.FindAll("[data-testid=sla-breached]"));
    }

    [Fact]
    public async Task ATicketWaitingOnTheCustomer_ShowsItsClockPaused()
    {
        var scenario = new SlaScenario(Services);
        var (id, _) = await scenario.OpenRepairTicketAsync();
        await scenario.ChangeStatusAsync(id, TicketStatus.InProgress, TicketStatus.OnHold);

        var cut = RenderTicketPage(id);

        // Moving the ticket on was its first response: the resolution target alone runs, and stands still.
        cut.WaitForAssertion(() => Assert.Equal(["Resolution Paused 已暂停 | 等待客户，暂停计时 · 时限 16 小时（工作时间）"], Targets(cut)));
    }

    [Fact]
    public async Task ABreachFlaggedByTheJob_ShowsTheBreachedFlag()
    {
        var scenario = new SlaScenario(Services);
        var (id, _) = await scenario.OpenRepairTicketAsync();
        await scenario.FlagBreachAsync(id, new DateTime(2026, 11, 25, 6, 0, 0, DateTimeKind.Utc));

        var cut = RenderTicketPage(id);

        cut.WaitForAssertion(() => Assert.Equal("已超时", cut.Find("[data-testid=sla-breached]").TextContent.Trim()));
        Assert.Equal("2026-11-25 14:00 标记为超时", cut.Find("[data-testid=sla-breached]").GetAttribute("title"));
    }

    private IRenderedComponent<TicketPage> RenderTicketPage(long id)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        Render<MudPopoverProvider>();
        return Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(CultureInfo.InvariantCulture)));
    }

    private static List<string> Targets(IRenderedComponent<TicketPage> cut) => cut.FindAll("[data-testid=sla-target]")
        .Select(t => $"{t.GetAttribute("data-target")} {t.GetAttribute("data-band")} {string.Join(" · ", t.QuerySelector("[data-testid=sla-badge]")!.Children.Select(c => c.TextContent.Trim()))} | {Squash(t.QuerySelector("[data-testid=sla-due]")!.TextContent)}")
        .ToList();

    private static string Squash(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
