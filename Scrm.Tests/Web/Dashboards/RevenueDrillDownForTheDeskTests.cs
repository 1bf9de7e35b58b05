using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Web.Features.Dashboards;
using Scrm.Web.Features.Dashboards.Revenue;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

/// <summary>A supervisor's drill-down: the settled tickets of their city link to the ticket pages they may open.</summary>
public sealed class RevenueDrillDownForTheDeskTests : ScrmComponentTest
{
    public RevenueDrillDownForTheDeskTests() : base(s => s.AddSingleton<IRevenueDashboardReader, FakeRevenueReader>()) { }

    protected override string UserName => "supervisor";

    [Fact]
    public async Task ACitysSettledTickets_EachLinkToTheirTicket()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Xunit.TestContext.Current.CancellationToken);
        var ids = await db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id, Xunit.TestContext.Current.CancellationToken);
        var reader = (FakeRevenueReader)Services.GetRequiredService<IRevenueDashboardReader>();
        reader.Dashboard = (period, regions) => FakeRevenueReader.With(period, regions);
        reader.Tickets = [.. Enumerable.Range(1, 3).Select(i => new SettledTicketRow(100 + i, $"WX-{i:000}", $"空调安装 {i}", "孙伟",
            new DateTime(2026, 11, 20, 2, 0, 0, DateTimeKind.Utc), new(200m, 120m, 1)))];

        Services.GetRequiredService<NavigationManager>().NavigateTo($"dashboards/revenue?period=month&province={ids["浙江省"]}&city={ids["杭州"]}");
        var cut = Render<RevenueDashboardPage>();
        cut.WaitForState(() => cut.FindAll("[data-testid=tickets-table] [data-testid=dashboard-row]").Count == 3);

        Assert.Equal(["tickets/101", "tickets/102", "tickets/103"],
            cut.FindAll("[data-testid=tickets-table] [data-testid=row-link]").Select(a => a.GetAttribute("href")));
    }
}
