using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>Hand-edited addresses: whatever is typed, the page renders and ignores what makes no sense.</summary>
public sealed class TicketUrlTests : ScrmComponentTest
{
    [Theory]
    [InlineData("tickets?region=abc")]
    [InlineData("tickets?region=99999999999999999999")]
    [InlineData("tickets?template=abc")]
    [InlineData("tickets?status=Nope&status=1&status=New,Closed&urgency=99")]
    [InlineData("tickets?from=2026-13-45&to=yesterday")]
    [InlineData("tickets?from=0001-01-01&to=9999-12-31")]
    [InlineData("tickets?page=-1&pageSize=100000000")]
    public void TicketCenter_IgnoresWhatMakesNoSense_AndListsEveryTicket(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row").Count));
        // The 40 seeded history tickets and the 10 the demo opens for its SLA board.
        Assert.Contains("of 50", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tickets/new?template=abc")]
    [InlineData("tickets/new?template=99999999999999999999")]
    [InlineData("tickets/new?template=-3")]
    [InlineData("tickets/new?template=424242")]
    public void NewTicket_WithAGarbageTemplate_OffersTheTemplatesToChooseFrom(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        Render<MudPopoverProvider>();

        var cut = Render<NewTicketPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=template-picker] [data-template]").Count));
        Assert.Empty(cut.FindAll("[data-testid=submit-ticket]"));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999999999999999999")]
    [InlineData("424242")]
    public void TicketPage_ForAnIdThatIsNoTicket_SaysNotFound(string id)
    {
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Contains("This ticket does not exist", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
    }
}
