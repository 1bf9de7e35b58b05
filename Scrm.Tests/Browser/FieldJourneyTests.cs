using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Settlements;
using Scrm.Web.Features.Tickets;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Scrm.Tests.Browser;

/// <summary>
/// 孙伟 (tech2, 杭州, 自营) on a phone: he lands on his jobs, opens one, and watches his earnings while a supervisor resolves
/// his repair ticket on a desktop — the settlement shows on his phone without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FieldJourneyTests(AppServerFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public async Task TechniciansEarnings_UpdateLive_WhenASupervisorResolvesTheirRepair()
    {
        var (ticketId, number) = await RepairWithWorkAsync();
        var phone = await app.NewPageAsync(Phone);
        var desk = await app.NewPageAsync();
        try
        {
            await BrowserSession.LoginAsync(phone, "tech2");
            await Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/jobs$"));
            await BrowserSession.WaitInteractiveAsync(phone);
            var card = phone.Locator("[data-testid=job-card]", new() { HasText = number });
            await Expect(card).ToBeVisibleAsync();
            await AppServerFixture.ScreenshotAsync(phone, "field-jobs");

            await card.ClickAsync();
            await Expect(phone.Locator("[data-testid=job-number]")).ToHaveTextAsync(number);
            await Expect(phone.Locator("[data-testid=work-line]")).ToHaveCountAsync(1);
            await Expect(phone.Locator("[data-testid=job-primary]")).ToHaveTextAsync("解决");
            await AppServerFixture.ScreenshotAsync(phone, "field-job");

            // Another technician's payee in the query changes nothing: the page is always the signed-in technician's.
            await BrowserSession.GotoInteractiveAsync(phone, "m/earnings?payee=tech3");
            await Expect(phone.Locator("[data-testid=earnings-totals]")).ToBeVisibleAsync();
            await Expect(phone.Locator($"[data-testid=earnings-ticket][data-ticket='{number}']")).ToHaveCountAsync(0);

            await BrowserSession.LoginAsync(desk, "supervisor");
            await BrowserSession.GotoInteractiveAsync(desk, $"tickets/{ticketId}");
            await desk.Locator("[data-action=Resolved]").ClickAsync();
            await Expect(desk.Locator("[data-testid=ticket-header]")).ToContainTextAsync("已解决");

            var earned = phone.Locator($"[data-testid=earnings-ticket][data-ticket='{number}']");
            await Expect(earned.Locator("[data-testid=earnings-ticket-total]")).ToHaveTextAsync("¥80.00");
            await Expect(earned.Locator("[data-testid=earnings-line]")).ToContainTextAsync("空调维修");
            await AppServerFixture.ScreenshotAsync(phone, "field-earnings");
        }
        catch
        {
            await AppServerFixture.ScreenshotAsync(phone, "field-earnings-phone-failed");
            await AppServerFixture.ScreenshotAsync(desk, "field-earnings-desk-failed");
            throw;
        }
        finally
        {
            await phone.Context.CloseAsync();
            await desk.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Through the app's own services, priced by the demo price book (AC-REPAIR, B tier, 自营: ¥80.00), and a repair in
    /// 杭州 for tech2, started, with one repair recorded by him.
    /// </summary>
    private async Task<(long Id, string Number)> RepairWithWorkAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        long repair;
        await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            repair = await db.ServiceItems.Where(i => i.Code == "AC-REPAIR").Select(i => i.Id).SingleAsync(Ct);
        }

        var tickets = services.GetRequiredService<TicketService>();
        var agent = await Scrm.Tests.Web.TestApp.ActorAsync(services, "agent");
        var tech2 = await Scrm.Tests.Web.TestApp.ActorAsync(services, "tech2");
        var form = await Scrm.Tests.Web.Tickets.DemoTicketForms.RepairAsync(scope);
        await using (var db = await services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            form.RegionId = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
            form.CustomerId = await db.Customers.Where(c => c.RegionId == form.RegionId).OrderBy(c => c.Id).Select(c => (long?)c.Id).FirstOrDefaultAsync(Ct);
            form.AssigneeId = tech2.UserId;
            form.Title = "手机端收益实时更新";
        }

        var (id, ticketNumber) = await tickets.CreateAsync(agent, form, Ct);
        await tickets.ChangeStatusAsync(tech2, id, (await tickets.GetAsync(tech2, id, Ct))!.Version, TicketStatus.InProgress, Ct);
        await services.GetRequiredService<WorkService>().RecordAsync(tech2, id,
            new WorkForm { Kind = PricedItemKind.Service, ItemId = repair, Quantity = 1 }, Ct);

        return (id, ticketNumber);
    }
}
