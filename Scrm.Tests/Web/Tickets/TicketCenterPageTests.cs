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

    private async Task<int> CountAsync(System.Linq.Expressions.Expression<Func<Ticket, bool>> predicate)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        return await db.Tickets.CountAsync(predicate, Xunit.TestContext.Current.CancellationToken);
    }
}
