using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrm.Data;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>
/// 周婷 (supervisor2, 杭州 only) keeps the revenue dashboard open while 李娜 resolves a 杭州 repair in another browser:
/// the settlement's cost and count show on her dashboard without a reload. Her URL cannot open another region's numbers;
/// the same dashboard in wall-screen mode fills the screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardJourneyTests(AppServerFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARevenueDashboard_ShowsANewSettlement_WithoutReload()
    {
        var ticketId = await HangzhouRepairWithWorkAsync();
        var wall = await app.NewPageAsync(new ViewportSize { Width = 1440, Height = 1000 });
        var desk = await app.NewPageAsync();
        try
        {
            await BrowserSession.LoginAsync(wall, "supervisor2");
            await BrowserSession.GotoInteractiveAsync(wall, "dashboards/revenue?period=today");
            var cost = wall.Locator("[data-testid=kpi-cost] [data-testid=kpi-value]");
            var settled = wall.Locator("[data-testid=kpi-settled] [data-testid=kpi-value]");
            await Expect(cost).ToContainTextAsync("¥");
            var costBefore = Yuan(await cost.TextContentAsync());
            var settledBefore = int.Parse(await settled.TextContentAsync() ?? "", NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

            await BrowserSession.LoginAsync(desk, "supervisor");
            await BrowserSession.GotoInteractiveAsync(desk, $"tickets/{ticketId}");
            await desk.Locator("[data-action=Resolved]").ClickAsync();
            await Expect(desk.Locator("[data-testid=ticket-header]")).ToContainTextAsync("已解决");

            // AC-REPAIR in a B-tier city for a 自营 technician earns ¥80.00 (the demo price book).
            await Expect(cost).ToHaveTextAsync(Format(costBefore + 80.00m));
            await Expect(settled).ToHaveTextAsync((settledBefore + 1).ToString(CultureInfo.InvariantCulture));
            await AppServerFixture.ScreenshotAsync(wall, "dashboard-revenue-live");

            // Another region's numbers stay out of reach whatever the URL says.
            var shanghai = await CityIdAsync("上海");
            await BrowserSession.GotoInteractiveAsync(wall, $"dashboards/revenue?period=month&city={shanghai}");
            await Expect(wall.GetByText("你没有权限访问此页面")).ToBeVisibleAsync();
            await Expect(wall.Locator("[data-testid=kpi-cost]")).ToHaveCountAsync(0);

            await BrowserSession.GotoInteractiveAsync(desk, "dashboards/operations?period=month");
            await Expect(desk.Locator("[data-testid=ops-row-total]")).ToBeVisibleAsync();
            await AppServerFixture.ScreenshotAsync(desk, "dashboard-operations");
            await BrowserSession.GotoInteractiveAsync(desk, "dashboards/dwell?period=month");
            await Expect(desk.Locator("[data-testid=filters]")).ToBeVisibleAsync();
            await AppServerFixture.ScreenshotAsync(desk, "dashboard-dwell");

            // 大屏模式: no app bar or drawer, large type, and a way out.
            await BrowserSession.GotoInteractiveAsync(wall, "dashboards/revenue?period=today&wall=300");
            await Expect(wall.Locator("[data-testid=wall-exit]")).ToBeVisibleAsync();
            await Expect(wall.Locator(".scrm-appbar")).ToBeHiddenAsync();
            await Expect(wall.Locator("[data-testid=kpi-cost] [data-testid=kpi-value]")).ToHaveTextAsync(Format(costBefore + 80.00m));
            await AppServerFixture.ScreenshotAsync(wall, "dashboard-wall");
        }
        catch
        {
            await AppServerFixture.ScreenshotAsync(wall, "dashboard-revenue-wall-failed");
            await AppServerFixture.ScreenshotAsync(desk, "dashboard-revenue-desk-failed");
            throw;
        }
        finally
        {
            await wall.Context.CloseAsync();
            await desk.Context.CloseAsync();
        }
    }

    private static decimal Yuan(string? text) =>
        decimal.Parse((text ?? "").Replace("¥", "", StringComparison.Ordinal), NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string Format(decimal yuan) => "¥" + yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private async Task<long> CityIdAsync(string name)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Regions.Where(r => r.Name == name).Select(r => r.Id).SingleAsync(Ct);
    }

    /// <summary>A repair in 杭州 for tech2 (自营), started, with one AC-REPAIR recorded: resolving it settles ¥80.00.</summary>
    private async Task<long> HangzhouRepairWithWorkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var tickets = services.GetRequiredService<TicketService>();
        var agent = await Scrm.Tests.Web.TestApp.ActorAsync(services, "agent");
        var tech2 = await Scrm.Tests.Web.TestApp.ActorAsync(services, "tech2");
        var form = await Scrm.Tests.Web.Tickets.DemoTicketForms.RepairAsync(scope);
        long repair;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            repair = await db.ServiceItems.Where(i => i.Code == "AC-REPAIR").Select(i => i.Id).SingleAsync(Ct);
            form.RegionId = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
            form.AssigneeId = tech2.UserId;
            form.Title = "看板实时营收";
        }

        var (id, _) = await tickets.CreateAsync(agent, form, Ct);
        await tickets.ChangeStatusAsync(tech2, id, (await tickets.GetAsync(tech2, id, Ct))!.Version, TicketStatus.InProgress, Ct);
        await services.GetRequiredService<WorkService>().RecordAsync(tech2, id, new WorkForm { Kind = PricedItemKind.Service, ItemId = repair, Quantity = 1 }, Ct);
        return id;
    }
}
