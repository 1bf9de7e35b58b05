using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Domain.Exports;
using Scrm.Web.Features.Exports;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Exports;

/// <summary>The cleanup job: files deleted a day after they are done, vanished files and silent runs noticed. Moves its own clock.</summary>
public sealed class ExportCleanupTests(ExportApp app) : IClassFixture<ExportApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ExportCleanupService Cleanup => app.Services.GetRequiredService<ExportCleanupService>();

    private async Task<Guid> DoneExportAsync(string userName)
    {
        var id = await app.RequestAsync(userName, new TicketFilter(), "维修工单");
        await app.DeliverAsync();
        Assert.Equal(ExportState.Done, (await app.JobAsync(id)).State);
        return id;
    }

    [Fact]
    public async Task ADayAfterItIsDone_TheFileIsDeleted_AndTheLinkSaysTheExportExpired()
    {
        var id = await DoneExportAsync("agent");
        var owner = await app.ActorAsync("agent");

        app.Time.Advance(ExportJob.KeptFor - TimeSpan.FromMinutes(1));
        await Cleanup.RunOnceAsync(Ct);
        Assert.True(app.Files.Exists(id));
        Assert.Equal(ExportDownloadOutcome.File, (await app.Exports().DownloadAsync(owner, id.ToString(), Ct)).Outcome);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var result = await Cleanup.RunOnceAsync(Ct);

        Assert.True(result.Expired >= 1);
        Assert.False(app.Files.Exists(id));
        Assert.Equal(ExportState.Expired, (await app.JobAsync(id)).State);
        Assert.Equal(ExportDownloadOutcome.Expired, (await app.Exports().DownloadAsync(owner, id.ToString(), Ct)).Outcome);
    }

    [Fact]
    public async Task ADoneExportWhoseFileVanished_IsReportedMissing_ThenMarkedExpired()
    {
        var id = await DoneExportAsync("agent2");
        var owner = await app.ActorAsync("agent2");
        File.Delete(app.Files.PathOf(id));

        Assert.Equal(ExportDownloadOutcome.Missing, (await app.Exports().DownloadAsync(owner, id.ToString(), Ct)).Outcome);
        Assert.Equal(ExportState.Done, (await app.JobAsync(id)).State); // the download only reads

        await Cleanup.RunOnceAsync(Ct);
        Assert.Equal(ExportState.Expired, (await app.JobAsync(id)).State);
    }

    [Fact]
    public async Task ARunThatStoppedReporting_IsFailedAsInterrupted()
    {
        var id = await app.RequestAsync("supervisor", new TicketFilter(), "安装工单");
        await app.ReadAsync(async db =>
        {
            // A worker took the job and its instance died: the job says Running and nothing moves any more.
            var job = await db.ExportJobs.SingleAsync(j => j.Id == id, Ct);
            job.Start(10, app.Time);
            return await db.SaveChangesAsync(Ct);
        });

        app.Time.Advance(ExportCleanupService.SilentRunLimit - TimeSpan.FromSeconds(1));
        await Cleanup.RunOnceAsync(Ct);
        Assert.Equal(ExportState.Running, (await app.JobAsync(id)).State);

        app.Time.Advance(TimeSpan.FromSeconds(2));
        await Cleanup.RunOnceAsync(Ct);
        var failed = await app.JobAsync(id);
        Assert.Equal((ExportState.Failed, ExportFailure.Interrupted), (failed.State, failed.Failure));

        // Its outbox message, delivered late, finds the job finished and writes nothing.
        await app.DeliverAsync();
        Assert.Empty(app.FilesOf(id));
    }
}
