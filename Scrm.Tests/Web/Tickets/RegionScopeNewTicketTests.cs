using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The new-ticket form of 刘洋 (agent3), whose one city is 杭州.</summary>
public sealed class RegionScopeNewTicketTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "agent3";

    [Fact]
    public async Task NewTicket_StartsInTheUsersOnlyCity()
    {
        var cut = await OpenRepairFormAsync();

        Assert.Equal("浙江省 / 杭州 (B)", cut.Find("[data-testid=ticket-region]").TextContent.Trim());
    }

    [Fact]
    public async Task NewTicket_WithTheRegionCleared_IsRefusedBesideTheRegion_AndNothingIsSaved()
    {
        var cut = await OpenRepairFormAsync();
        var before = await TicketCountAsync();

        cut.Find("[data-testid=ticket-region]").Closest(".mud-input-control")!.QuerySelector(".mud-input-clear-button")!.Click();
        cut.Find("[data-testid=submit-ticket]").Click();

        cut.WaitForElement("[data-testid=form-error]");
        var helper = cut.Find("[data-testid=ticket-region]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")?.TextContent.Trim();
        Assert.Equal("Choose the city of the ticket: it must be in one of your regions.", helper);
        Assert.Equal(before, await TicketCountAsync());
    }

    private async Task<IRenderedComponent<NewTicketPage>> OpenRepairFormAsync()
    {
        await using var db = await DbAsync();
        var id = await db.TicketTemplates.Where(t => t.Name == "维修工单").Select(t => t.Id).SingleAsync(Ct);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"tickets/new?template={id}");
        Render<MudPopoverProvider>();
        var cut = Render<NewTicketPage>();
        cut.WaitForElement("[data-testid=fields-form]");
        return cut;
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = await DbAsync();
        return await db.Tickets.CountAsync(Ct);
    }

    private Task<ScrmDbContext> DbAsync() => Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
}
