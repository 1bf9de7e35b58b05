using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Tickets;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The pages of 周婷 (supervisor2, 杭州): another region's ticket is not there at all.</summary>
public sealed class RegionScopePageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "supervisor2";

    [Fact]
    public async Task TicketPage_OfAShanghaiTicket_SaysNotFound_AsForATicketThatDoesNotExist()
    {
        var id = await FirstTicketInAsync("上海");
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.Contains("This ticket does not exist", cut.Find("[data-testid=empty-state]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=ticket-header]"));
    }

    [Fact]
    public async Task TicketPage_OfAHangzhouTicket_Opens()
    {
        var id = await FirstTicketInAsync("杭州");
        await using var db = await DbAsync();
        var number = await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync(Ct);
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.Equal(number, cut.Find("[data-testid=ticket-number]").TextContent.Trim()));
    }

    [Fact]
    public async Task TicketCenter_CountsOnlyHangzhouTickets()
    {
        await using var db = await DbAsync();
        var hangzhou = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
        var expected = await db.Tickets.CountAsync(t => t.RegionId == hangzhou, Ct);
        Render<MudPopoverProvider>();

        var cut = Render<TicketCenterPage>();

        cut.WaitForAssertion(() => Assert.Contains($"of {expected}", cut.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        var rows = cut.FindAll("[data-testid=ticket-grid] tbody tr.mud-table-row");
        Assert.Equal(Math.Min(expected, 20), rows.Count);
        Assert.All(rows, row => Assert.Contains("杭州", row.TextContent, StringComparison.Ordinal));
    }

    private Task<ScrmDbContext> DbAsync() => Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);

    private async Task<long> FirstTicketInAsync(string city)
    {
        await using var db = await DbAsync();
        var regionId = await db.Regions.Where(r => r.Name == city).Select(r => r.Id).SingleAsync(Ct);
        return await db.Tickets.Where(t => t.RegionId == regionId).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }
}
