using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Exports;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Exports.Components;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>我的导出 and the ticket center's export dialog, as the desk agent 张敏 (English UI).</summary>
public sealed class ExportsPageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public ExportsPageTests() : base(s => s.AddSingleton(new ExportFiles(Path.Combine(Path.GetTempPath(), $"scrm-export-page-{Guid.NewGuid():N}")))) { }

    private ExportService Exports => Services.GetRequiredService<ExportService>();

    private async Task<Guid> RequestAsync(TicketFilter filter, params long[] templateIds) =>
        await Exports.RequestAsync(await TestApp.ActorAsync(Services, "agent"), filter, templateIds, Ct);

    private async Task<long> TemplateIdAsync(string name)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.TicketTemplates.Where(t => t.Name == name).Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<int> TicketCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.CountAsync(Ct);
    }

    [Fact]
    public async Task AQueuedExport_MovesToDoneOnThePage_WhenTheWorkerFinishes_WithItsDownloadLink()
    {
        var id = await RequestAsync(new TicketFilter(), await TemplateIdAsync("维修工单"));
        var cut = Render<ExportsPage>();
        cut.WaitForAssertion(() => Assert.Equal("Queued", cut.Find("[data-testid=export-state]").TextContent.Trim()));
        Assert.Equal("Waiting to start…", cut.Find("[data-testid=export-rows]").TextContent.Trim());
        Assert.Single(cut.FindAll("[data-testid=cancel-export]"));

        await Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);
        ((FakeTimeProvider)Services.GetRequiredService<TimeProvider>()).Advance(LiveChanges.DefaultDelay);

        cut.WaitForAssertion(() => Assert.Equal("Done", cut.Find("[data-testid=export-state]").TextContent.Trim()));
        var link = cut.Find("[data-testid=download-export]");
        Assert.Equal($"exports/{id}/file", link.GetAttribute("href"));
        Assert.NotNull(link.GetAttribute("download"));
        Assert.Equal("tickets-20261125-1400.xlsx", link.TextContent.Trim());
        Assert.Contains("Kept until 2026-11-26 14:00", cut.Find("[data-testid=export-file]").TextContent);
        Assert.Equal($"{await TicketCountAsync()} rows", cut.Find("[data-testid=export-rows]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=cancel-export]"));
    }

    [Fact]
    public async Task AnExportThatMatchedNothing_SaysTheFileHoldsTheHeaderRowOnly()
    {
        await RequestAsync(new TicketFilter { Search = "没有这样的工单" });
        await Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);

        var cut = Render<ExportsPage>();

        cut.WaitForAssertion(() => Assert.Equal("No ticket matched the filter: the file holds the header row only.",
            cut.Find("[data-testid=export-rows]").TextContent.Trim()));
        Assert.Equal("Standard columns only", cut.Find("[data-testid=export-list] tbody td:nth-child(2)").TextContent.Trim());
    }

    [Fact]
    public async Task Cancel_StopsAQueuedExport()
    {
        Render<MudSnackbarProvider>();
        var id = await RequestAsync(new TicketFilter());
        var cut = Render<ExportsPage>();

        cut.WaitForElement("[data-testid=cancel-export]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Cancelled", cut.Find("[data-testid=export-state]").TextContent.Trim()));
        Assert.Equal(ExportState.Cancelled, (await Exports.ListMineAsync(await TestApp.ActorAsync(Services, "agent"), Ct)).Single(r => r.Id == id).State);
    }

    [Fact]
    public void AnExpiredLink_LeadsHere_AndSaysSo_AndNoExportsYet_SaysWhatToDo()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"exports?expired={Guid.NewGuid()}");

        var cut = Render<ExportsPage>();

        cut.WaitForAssertion(() => Assert.StartsWith("That export has expired", cut.Find("[data-testid=export-notice]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("No exports yet", cut.Find("[data-testid=empty-state]").TextContent);
    }

    [Fact]
    public async Task TheDialog_CountsTheFilteredTickets_ChoosesTheFilteredTemplate_AndQueuesTheExport()
    {
        var repair = await TemplateIdAsync("维修工单");
        var cut = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
            builder.OpenComponent<ExportButton>(3);
            builder.AddComponentParameter(4, nameof(ExportButton.Filter), new TicketFilter { TemplateId = repair });
            builder.CloseComponent();
        });
        var expected = (await Services.GetRequiredService<Scrm.Web.Features.Tickets.TicketService>()
            .ListAsync(await TestApp.ActorAsync(Services, "agent"), new TicketFilter { TemplateId = repair }.ToQuery(), Ct)).Total;

        cut.Find("[data-testid=export-tickets]").Click();

        cut.WaitForAssertion(() => Assert.Equal($"{expected} tickets match the current filter; all of them are exported.",
            cut.Find("[data-testid=export-matching]").TextContent.Trim()));
        Assert.Equal(3, cut.FindAll("[data-testid=export-template]").Count); // every demo template is offered; only the filtered one is ticked
        cut.Find("[data-testid=export-start]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The export has started", cut.Markup));
        var job = Assert.Single(await Exports.ListMineAsync(await TestApp.ActorAsync(Services, "agent"), Ct));
        Assert.Equal(["维修工单"], job.TemplateNames);
        Assert.Equal(ExportState.Queued, job.State);
    }
}
