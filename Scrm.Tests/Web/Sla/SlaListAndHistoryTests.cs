using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Features.Sla;
using Xunit;

namespace Scrm.Tests.Web.Sla;

/// <summary>The ticket center's SLA column and the pauses in a ticket's history.</summary>
public sealed class SlaListAndHistoryTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TicketCenter_ShowsEachRowsGoverningTarget_AndNothingWhereNoClockRuns()
    {
        var scenario = new SlaScenario(Services);
        var (_, number) = await scenario.OpenRepairTicketAsync();
        await DeleteRepairPoliciesExceptNormalAsync(await scenario.RepairTemplateIdAsync());
        // 维修工单 has no workflow (so no step targets) and now a policy for 常规 only: other urgencies run no clock.
        Services.GetRequiredService<NavigationManager>().NavigateTo($"tickets?template={await scenario.RepairTemplateIdAsync()}");
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row"), r => Cell(r, 1) == number));
        var rows = cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row");
        var badge = rows.Single(r => Cell(r, 1) == number).QuerySelector("td:nth-child(6) [data-testid=sla-badge]")!;
        Assert.Equal(("OnTrack", "4 h left"), (badge.GetAttribute("data-band"), badge.TextContent.Trim()));
        var otherUrgencies = rows.Where(r => Cell(r, 4) != "Normal").ToList();
        Assert.NotEmpty(otherUrgencies);
        Assert.All(otherUrgencies, r => Assert.Null(r.QuerySelector("[data-testid=sla-badge]")));
    }

    /// <summary>The demo company has a policy for every urgency; these go, through the admin's command.</summary>
    private async Task DeleteRepairPoliciesExceptNormalAsync(long repairTemplateId)
    {
        var sla = Services.GetRequiredService<SlaAdminService>();
        var admin = await TestApp.ActorAsync(Services, "admin");
        foreach (var policy in (await sla.GetAsync(admin, Ct)).Policies.Select(p => p.Policy)
            .Where(p => p.TemplateId == repairTemplateId && p.Urgency != Scrm.Domain.Tickets.Urgency.Normal))
        {
            await sla.DeletePolicyAsync(admin, policy.Id, policy.Version, Ct);
        }
    }

    private static string Cell(AngleSharp.Dom.IElement row, int column) => row.QuerySelector($"td:nth-child({column})")!.TextContent.Trim();

    [Fact]
    public async Task History_ReadsAPauseAndItsResume_WithTheWorkingTimeItAdded()
    {
        var scenario = new SlaScenario(Services);
        var (id, _) = await scenario.OpenRepairTicketAsync();
        await scenario.ChangeStatusAsync(id, TicketStatus.InProgress, TicketStatus.OnHold);
        scenario.Clock.Advance(TimeSpan.FromMinutes(130));
        await scenario.ChangeStatusAsync(id, TicketStatus.InProgress);
        var ticket = await Services.GetRequiredService<TicketService>().GetAsync(await TestApp.ActorAsync(Services, "agent"), id, Ct);

        var cut = Render<TicketHistory>(p => p.Add(h => h.Ticket, ticket!));

        cut.WaitForAssertion(() => Assert.Equal(
            ["SLA clock resumed; paused for 2 h 10 min (working time)", "SLA clock paused (waiting on the customer: On hold)"],
            cut.FindAll("[data-testid=history-sla]").Select(td => td.TextContent.Trim())));
    }
}
