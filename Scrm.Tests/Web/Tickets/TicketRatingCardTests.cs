using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The ticket page's 客户评价 card: shown once the ticket is finished, saving through the service, refusals in the card.</summary>
public sealed class TicketRatingCardTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private TicketService Tickets => Services.GetRequiredService<TicketService>();

    [Fact]
    public async Task IsLeftOut_BeforeTheTicketIsResolved()
    {
        var id = await TicketAsync(resolved: false);
        var view = await ViewAsync(id);

        var cut = Render<TicketRatingCard>(p => p.Add(c => c.Ticket, view));

        Assert.Empty(cut.FindAll("[data-testid=rating-card]"));
    }

    [Fact]
    public async Task ResolvedAndUnrated_SaysSo_AndOffersToRate()
    {
        var id = await TicketAsync(resolved: true);
        var view = await ViewAsync(id);

        var cut = Render<TicketRatingCard>(p => p.Add(c => c.Ticket, view));

        Assert.Equal("Not rated yet", cut.Find("[data-testid=rating-none]").TextContent.Trim());
        Assert.Equal("Rate", cut.Find("[data-testid=rate-ticket]").TextContent.Trim());
    }

    [Fact]
    public async Task ShowsTheStars_TheComment_AndWhoRecordedIt()
    {
        var id = await TicketAsync(resolved: true);
        await Tickets.RateAsync(await TestApp.ActorAsync(Services, "agent"), id, await VersionAsync(id), 4, "师傅很准时", Ct);
        var view = await ViewAsync(id);

        var cut = Render<TicketRatingCard>(p => p.Add(c => c.Ticket, view));

        Assert.Equal(4, cut.FindComponent<MudRating>().Instance.GetState(x => x.SelectedValue));
        Assert.Equal("4 stars · Satisfied", cut.Find("[data-testid=rating-score]").TextContent.Trim());
        Assert.Equal("师傅很准时", cut.Find("[data-testid=rating-comment]").TextContent.Trim());
        // 06:00 UTC is 14:00 in China.
        Assert.Equal("Recorded by 张敏 at 2026-11-25 14:00", cut.Find("[data-testid=rating-by]").TextContent.Trim());
        Assert.Equal("Change rating", cut.Find("[data-testid=rate-ticket]").TextContent.Trim());
    }

    [Fact]
    public async Task Save_RecordsTheRatingThroughTheService_AndAsksThePageToReload()
    {
        Render<MudSnackbarProvider>();
        var id = await TicketAsync(resolved: true);
        var reloads = 0;
        var view = await ViewAsync(id);
        var cut = Render<TicketRatingCard>(p => p.Add(c => c.Ticket, view).Add(c => c.OnChanged, () => reloads++));

        cut.Find("[data-testid=rate-ticket]").Click();
        Assert.True(cut.Find("[data-testid=save-rating]").HasAttribute("disabled"));
        await cut.InvokeAsync(() => cut.FindComponent<MudRating>().Instance.SelectedValueChanged.InvokeAsync(5));
        cut.Find("[data-testid=rating-card] textarea").Input("客户很满意");
        cut.Find("[data-testid=save-rating]").Click();

        cut.WaitForAssertion(() => Assert.Equal(1, reloads));
        Assert.Equal((5, "客户很满意"), await RatingAsync(id));
        Assert.Empty(cut.FindAll("[data-testid=save-rating]"));
    }

    [Fact]
    public async Task ASaveOverSomeoneElsesRating_ShowsTheConflictInTheCard_AndSavesNothing()
    {
        var id = await TicketAsync(resolved: true);
        var view = await ViewAsync(id);
        var reloads = 0;
        var cut = Render<TicketRatingCard>(p => p.Add(c => c.Ticket, view).Add(c => c.OnChanged, () => reloads++));
        // The customer rates it meanwhile: the card's version is stale.
        await Tickets.RateAsync(await TestApp.ActorAsync(Services, "customer"), id, view.Version, 2, "太慢了", Ct);

        cut.Find("[data-testid=rate-ticket]").Click();
        await cut.InvokeAsync(() => cut.FindComponent<MudRating>().Instance.SelectedValueChanged.InvokeAsync(5));
        cut.Find("[data-testid=save-rating]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Someone changed this ticket meanwhile.", cut.Find("[data-testid=rating-error]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal((2, "太慢了"), await RatingAsync(id));
        Assert.Equal(0, reloads);
        cut.Find("[data-testid=rating-reload]").Click();
        cut.WaitForAssertion(() => Assert.Equal(1, reloads));
        Assert.Empty(cut.FindAll("[data-testid=rating-error]"));
    }

    /// <summary>A repair ticket (no workflow) for 钱建国 in 上海, assigned to tech1 and, if asked, worked and resolved by them.</summary>
    private async Task<long> TicketAsync(bool resolved)
    {
        var agent = await TestApp.ActorAsync(Services, "agent");
        await using var scope = Services.CreateAsyncScope();
        var form = await DemoTicketForms.RepairAsync(scope);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct))
        {
            form.CustomerId = await db.Customers.Where(c => c.Name == "钱建国").Select(c => c.Id).SingleAsync(Ct);
            form.RegionId = await db.Regions.Where(r => r.Name == "上海").Select(r => r.Id).SingleAsync(Ct);
            form.AssigneeId = await db.UserProfiles.Where(u => u.UserName == "tech1").Select(u => u.Id).SingleAsync(Ct);
        }

        var (id, _) = await Tickets.CreateAsync(agent, form, Ct);
        if (resolved)
        {
            var tech = await TestApp.ActorAsync(Services, "tech1");
            var version = await Tickets.ChangeStatusAsync(tech, id, await VersionAsync(id), TicketStatus.InProgress, Ct);
            await Tickets.ChangeStatusAsync(tech, id, version, TicketStatus.Resolved, Ct);
        }

        return id;
    }

    private async Task<TicketView> ViewAsync(long id) => (await Tickets.GetAsync(await TestApp.ActorAsync(Services, "agent"), id, Ct))!;

    private async Task<long> VersionAsync(long id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.Where(t => t.Id == id).Select(t => t.Version).SingleAsync(Ct);
    }

    private async Task<(int?, string?)> RatingAsync(long id)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        var ticket = await db.Tickets.Where(t => t.Id == id).Select(t => new { t.Rating, t.RatingComment }).SingleAsync(Ct);
        return (ticket.Rating, ticket.RatingComment);
    }
}
