using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Live;

/// <summary>The desk's ticket center follows changes live and keeps its filters.</summary>
public sealed class TicketCenterLiveTests : ScrmComponentTest
{
    [Fact]
    public async Task AnotherUsersEdit_MovesTheTicketToTheTop_WithTheFilterKept()
    {
        var id = await LiveEdits.OpenTicketAsync(Services);
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?status=InProgress");
        Render<MudPopoverProvider>();
        var cut = Render<TicketCenterPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row")));

        await LiveEdits.EditAsync(Services, "supervisor", id, f => f.Title = "刚被主管改过");
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Equal("刚被主管改过", cut.Find("[data-testid=ticket-grid] tbody tr.mud-table-row td:nth-child(2)").TextContent));
        var statuses = cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row td:nth-child(5) .mud-chip").Select(c => c.TextContent.Trim()).Distinct();
        Assert.Equal(["In progress"], statuses);
    }
}

/// <summary>A technician's "my work" gains a job the moment it is assigned to them.</summary>
public sealed class TechnicianWorkbenchLiveTests : ScrmComponentTest
{
    protected override string UserName => "tech1";

    [Fact]
    public async Task JobAssignedToThem_AppearsInTheList()
    {
        long id;
        string tech1;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken))
        {
            tech1 = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Xunit.TestContext.Current.CancellationToken);
            id = await db.Tickets.Where(t => t.Status == TicketStatus.InProgress && t.AssigneeId != tech1).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        }

        var cut = Render<WorkbenchPage>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-progress-linear")));
        Assert.DoesNotContain("派给赵强的活", cut.Markup, StringComparison.Ordinal);

        await LiveEdits.EditAsync(Services, "supervisor", id, f => (f.Title, f.AssigneeId) = ("派给赵强的活", tech1));
        LiveEdits.LetBurstSettle(Services);

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=workbench-row]"), r => r.TextContent.Contains("派给赵强的活", StringComparison.Ordinal)));
    }
}
