using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Scrm.Data;
using Scrm.Web.Features.Admin;
using Xunit;

namespace Scrm.Tests.Web.Admin;

/// <summary>/admin/maintenance: the rollup rebuild asks first, runs in the background with the button disabled, then shows its result.</summary>
public sealed class MaintenancePageTests : ScrmComponentTest
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    protected override string UserName => "admin";

    [Fact]
    public void BeforeAnyRebuild_SaysSo_AndTheButtonIsEnabled()
    {
        var cut = Render<MaintenancePage>();

        Assert.Equal("Rebuild dashboard rollups", cut.Find("[data-testid=rollup-rebuild] h2").TextContent.Trim());
        Assert.Equal("Not rebuilt since the app started.", cut.Find("[data-testid=rebuild-none]").TextContent.Trim());
        Assert.False(cut.Find("[data-testid=start-rebuild]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Start_AsksFirst_DisablesTheButtonWhileRunning_ThenShowsTheResult()
    {
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MaintenancePage>();
        var tickets = await CountTicketsAsync();

        // The rebuild waits on a write transaction held here, so the page is seen while it runs.
        await using (await WriteGate.CloseAsync(Services, Ct))
        {
            cut.Find("[data-testid=start-rebuild]").Click();
            dialogs.WaitForAssertion(() => Assert.Contains("the dashboards may briefly show incomplete numbers", dialogs.Markup, StringComparison.Ordinal));
            dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Start rebuild").Click();

            cut.WaitForAssertion(() => Assert.True(cut.Find("[data-testid=start-rebuild]").HasAttribute("disabled")));
            Assert.Single(cut.FindAll("[data-testid=rebuild-progress]"));
            Assert.StartsWith("Started by 王磊 at ", cut.Find("[data-testid=rebuild-current]").TextContent.Trim(), StringComparison.Ordinal);
        }

        cut.WaitForAssertion(() => Assert.Contains($"{tickets} tickets", cut.Find("[data-testid=rebuild-result]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Contains("(started by 王磊)", cut.Find("[data-testid=rebuild-result]").TextContent, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=start-rebuild]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=rebuild-progress]"));
    }

    private async Task<int> CountTicketsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>().CreateDbContextAsync(Ct);
        return await db.Tickets.CountAsync(Ct);
    }
}
