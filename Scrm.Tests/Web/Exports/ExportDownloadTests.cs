using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Exports;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Tests.Web.Hosting;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>The download endpoint over HTTP: the owner gets the file under its Chinese name, anyone else 403, garbage 404.</summary>
public sealed class ExportDownloadTests(ExportDownloadTests.DemoApp app) : IClassFixture<ExportDownloadTests.DemoApp>
{
    public sealed class DemoApp() : HostedApp("Development", ("Database:SeedDemoCompany", "true"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = app.Client();
        var response = await HostedApp.SignInAsync(client, userName, Scrm.Data.Seed.DemoCompanySeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The app's outbox job runs the export within seconds; delivering here as well only races it for the claim.</summary>
    private async Task WaitUntilDoneAsync(Guid id)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await app.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);
            await using var db = await factory.CreateDbContextAsync(Ct);
            var state = await db.ExportJobs.Where(j => j.Id == id).Select(j => j.State).SingleAsync(Ct);
            if (state == ExportState.Done)
            {
                return;
            }

            Assert.True(state is ExportState.Queued or ExportState.Running && DateTime.UtcNow < deadline, $"The export ended {state} or took too long.");
            await Task.Delay(100, Ct);
        }
    }

    [Fact]
    public async Task TheOwner_DownloadsTheFile_AnotherUserIsForbidden_AndAnIdThatIsNoExportIsNotFound()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        using var scope = app.Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<ExportService>().RequestAsync(await TestApp.ActorAsync(app.Services, "supervisor"),
            new TicketFilter { Search = "空调" }, [], Ct);
        await WaitUntilDoneAsync(id);

        using var owner = await SignedInAsync("supervisor");
        using var file = await owner.GetAsync($"exports/{id}/file", Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(ExportEndpoints.ContentType, file.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^工单导出-\d{8}-\d{4}\.xlsx$", file.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await file.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal((byte)'P', bytes[0]); // a zip: an .xlsx
        Assert.Equal((byte)'K', bytes[1]);

        using var stranger = await SignedInAsync("agent");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"exports/{id}/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("exports/not-an-id/file", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"exports/{Guid.NewGuid()}/file", Ct)).StatusCode);

        using var nobody = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await nobody.GetAsync($"exports/{id}/file", Ct)).StatusCode); // to the sign-in page
    }
}
