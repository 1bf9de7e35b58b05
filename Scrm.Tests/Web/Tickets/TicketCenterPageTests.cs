using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The ticket center over the seeded demo company: server paging, URL filters, the filter bar.</summary>
public sealed class TicketCenterPageTests : ScrmComponentTest
{
    [Fact]
    public async Task FirstPage_ShowsTwentyRowsAndTheTotal()
    {
        var total = await CountAsync(_ => true);
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row").Count));
        Assert.Contains($"of {total}", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusFilterInTheUrl_ListsOnlyThatStatus()
    {
        var closed = await CountAsync(t => t.Status == TicketStatus.Closed);
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?status=Closed");
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Contains($"of {closed}", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        var statuses = cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row td:nth-child(5) .mud-chip").Select(td => td.TextContent.Trim()).Distinct().ToList();
        Assert.Equal(["Closed"], statuses);
    }

    [Fact]
    public async Task SearchInTheUrl_FindsTicketsByCustomerName()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var customer = await db.Customers.Where(c => db.Tickets.Any(t => t.CustomerId == c.Id)).OrderBy(c => c.Id).FirstAsync(Xunit.TestContext.Current.CancellationToken);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"tickets?q={Uri.EscapeDataString(customer.Name)}");
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row")));
        Assert.All(cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row td:nth-child(3)"),
            td => Assert.Contains(customer.Name, td.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void FilterBar_RaisesTheChosenUrgency()
    {
        TicketFilter? raised = null;
        Render<MudPopoverProvider>();
        var cut = Render<TicketFilterBar>(p => p.Add(b => b.Filter, new TicketFilter()).Add(b => b.FilterChanged, f => raised = f));

        cut.Find("[data-testid=filter-urgency] [data-urgency=Urgent]").Click();

        Assert.NotNull(raised);
        Assert.Equal([Urgency.Urgent], raised.Urgencies);
    }

    [Fact]
    public void NoMatch_ShowsAnEmptyStateThatSaysWhatToDo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?q=no-such-ticket-anywhere");
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Contains("No ticket matches these filters.", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SlaBreachedInTheUrl_ListsOnlyBreachedTickets_AndShowsARemovableChip()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(ct))
        {
            foreach (var ticket in await db.Tickets.Where(t => t.SlaBreachedAt == null).OrderBy(t => t.Id).Take(3).ToListAsync(ct))
            {
                ticket.MarkSlaBreached(Scrm.Domain.Sla.SlaTarget.Resolution, DateTime.UtcNow);
            }

            await db.SaveChangesAsync(ct);
        }

        var breached = await CountAsync(t => t.SlaBreachedAt != null);
        Assert.True(breached >= 3);
        Services.GetRequiredService<NavigationManager>().NavigateTo("tickets?sla=breached");
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Contains($"of {breached}", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Contains("SLA breached only", cut.Find("[data-testid=filter-sla-breached]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void SlaFilter_RoundTripsThroughTheUrl_AndIgnoresOtherValues()
    {
        var breached = TicketFilter.FromUrl(null, null, null, null, null, null, null, null, "breached");
        var nonsense = TicketFilter.FromUrl(null, null, null, null, null, null, null, null, "late");

        Assert.True(breached.SlaBreached);
        Assert.True(breached.ToQuery().SlaBreached);
        Assert.Equal("breached", breached.ToUrlParameters()["sla"]);
        Assert.False(nonsense.SlaBreached);
        Assert.True(nonsense.IsEmpty);
        Assert.NotEqual(breached, nonsense);
    }

    [Fact]
    public void StoredFilter_KeepsTheSlaFilter_SoAnExportIsNoWiderThanTheList()
    {
        var json = Scrm.Web.Features.Exports.StoredTicketFilter.Write(new TicketFilter { SlaBreached = true });

        Assert.True(Scrm.Web.Features.Exports.StoredTicketFilter.Read(json)!.SlaBreached);
        Assert.False(Scrm.Web.Features.Exports.StoredTicketFilter.Read(
            """{"Search":null,"Statuses":[],"Urgencies":[],"RegionId":null,"AssigneeId":null,"TemplateId":null,"From":null,"To":null}""")!.SlaBreached);
    }

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Ticket, bool>> predicate)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Tickets.CountAsync(predicate, Xunit.TestContext.Current.CancellationToken);
    }
}
