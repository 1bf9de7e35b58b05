using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Home;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>
/// What keyboard, touch and screen-reader users rely on: each page's title is its h1 (FocusOnNavigate moves focus
/// there), workbench rows are links, and a disabled workflow button says why in text.
/// </summary>
public sealed class PageAccessibilityTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void TicketCenter_TitleIsTheH1() => AssertH1<TicketCenterPage>("Ticket center");

    [Fact]
    public void NewTicket_TitleIsTheH1() => AssertH1<NewTicketPage>("New ticket");

    [Fact]
    public void Workbench_TitleIsTheH1() => AssertH1<WorkbenchPage>("My work");

    [Fact]
    public async Task TicketPage_TitleIsTheH1()
    {
        var id = await AnyTicketIdAsync();
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("h1")));
        Assert.Equal("ticket-title-view", cut.Find("h1").GetAttribute("data-testid"));
    }

    [Fact]
    public void WorkbenchRows_AreLinksToTheirTickets()
    {
        Render<MudPopoverProvider>();

        var cut = Render<WorkbenchPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=workbench-row]")));
        Assert.All(cut.FindAll("[data-testid=workbench-row]"), row =>
        {
            Assert.Equal("A", row.TagName);
            Assert.Matches(@"^tickets/\d+$", row.GetAttribute("href"));
        });
    }

    [Fact]
    public async Task DisabledWorkflowButton_SaysWhyInVisibleText()
    {
        // 派单 needs 预约上门日期: a ticket at that step without it has the button disabled, and the reason written out.
        var tickets = Services.GetRequiredService<TicketService>();
        var form = await InstallFormWithoutAppointmentAsync();
        var actor = await Services.GetRequiredService<CurrentUser>().RequireAsync();
        var (id, _) = await tickets.CreateAsync(actor, form, Ct);
        await tickets.TransitionAsync(actor, id, (await tickets.GetAsync(actor, id, Ct))!.Version, "accept->dispatch", Ct);
        Render<MudPopoverProvider>();

        var cut = Render<TicketPage>(p => p.Add(x => x.Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.WaitForAssertion(() => Assert.True(cut.Find("[data-transition=派单]").HasAttribute("disabled")));
        var reason = Assert.Single(cut.FindAll("[data-testid=transition-refusal]"));
        Assert.Contains("预约上门日期", reason.TextContent, StringComparison.Ordinal);
    }

    private void AssertH1<TPage>(string title) where TPage : IComponent
    {
        Render<MudPopoverProvider>();

        var cut = Render<TPage>();

        cut.WaitForAssertion(() => Assert.Equal(title, Assert.Single(cut.FindAll("h1")).TextContent.Trim()));
    }

    private async Task<long> AnyTicketIdAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }

    private async Task<TicketForm> InstallFormWithoutAppointmentAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return new TicketForm
        {
            TemplateId = await db.TicketTemplates.Where(t => t.Name == "安装工单").Select(t => t.Id).SingleAsync(Ct),
            Title = "空调上门安装",
            Urgency = Urgency.Normal,
            Fields = new(StringComparer.Ordinal) { ["product_type"] = "空调", ["address"] = "上海南京西路100号", ["contact_phone"] = "13800138000" },
        };
    }
}
