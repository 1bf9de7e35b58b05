using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Xunit;

namespace Scrm.Tests.Domain.Exports;

public sealed class ExportJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 6, 30, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    private ExportJob Request(int activeJobs = 0, string owner = "agent-1") =>
        ExportJob.Request(owner, "张敏", "zh-CN", [2, 1, 2], """{"Search":null}""", "工单导出-20261125-1430.xlsx", activeJobs, _time);

    [Fact]
    public void Request_QueuesTheJob_WithItsOwnId_AndRaisesExportRequested()
    {
        var job = Request();

        Assert.Equal(ExportState.Queued, job.State);
        Assert.NotEqual(Guid.Empty, job.Id);
        Assert.Equal([2L, 1L], job.TemplateIds);
        Assert.Equal(Now.UtcDateTime, job.RequestedAt);
        Assert.Equal(job.Id, Assert.IsType<ExportRequested>(Assert.Single(job.DomainEvents)).JobId);
    }

    [Fact]
    public void Request_IsRefused_WhenTheOwnerHasThreeActiveExports()
    {
        var error = Assert.Throws<DomainException>(() => Request(activeJobs: 3));

        Assert.Equal("ExportTooMany", error.Code);
        Assert.Equal(ExportState.Queued, Request(activeJobs: 2).State);
    }

    [Fact]
    public void Request_IsRefused_ForAFilterTooLongToStore()
    {
        var error = Assert.Throws<DomainException>(() =>
            ExportJob.Request("agent-1", "张敏", "zh-CN", [], new string('x', 4001), "a.xlsx", 0, _time));

        Assert.Equal("ExportFilterTooLong", error.Code);
    }

    [Fact]
    public void ARun_GoesQueuedRunningDone_CountingRows_AndExpiresADayAfterItIsDone()
    {
        var job = Request();
        job.Start(12_000, _time);
        _time.Advance(TimeSpan.FromSeconds(2));
        job.RecordProgress(5_000, _time);
        job.RecordProgress(10_000, _time);
        _time.Advance(TimeSpan.FromSeconds(2));
        job.Complete(11_998, 1_234_567, _time);

        Assert.Equal((ExportState.Done, 11_998, 12_000, 1_234_567L), (job.State, job.RowsWritten, job.TotalRows, job.FileSize));
        Assert.Equal(new DateTime(2026, 11, 25, 6, 30, 4, DateTimeKind.Utc), job.FinishedAt);
        Assert.Equal(new DateTime(2026, 11, 26, 6, 30, 4, DateTimeKind.Utc), job.ExpiresAt);
        Assert.Equal([typeof(ExportRequested), typeof(ExportStarted), typeof(ExportProgressed), typeof(ExportProgressed), typeof(ExportCompleted)],
            job.DomainEvents.Select(e => e.GetType()));

        _time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromSeconds(1));
        Assert.Equal("ExportNotDue", Assert.Throws<DomainException>(() => job.Expire(_time)).Code);
        _time.Advance(TimeSpan.FromSeconds(1));
        job.Expire(_time);
        Assert.Equal(ExportState.Expired, job.State);
        Assert.IsType<ExportExpired>(job.DomainEvents[^1]);
    }

    [Fact]
    public void ADoneExport_WhoseFileVanished_ExpiresAtOnce()
    {
        var job = Request();
        job.Start(1, _time);
        job.Complete(1, 100, _time);

        job.Expire(_time, fileVanished: true);

        Assert.Equal(ExportState.Expired, job.State);
    }

    [Fact]
    public void Progress_NeverGoesBackwards()
    {
        var job = Request();
        job.Start(10, _time);
        job.RecordProgress(8, _time);

        Assert.Equal("ExportProgressBackwards", Assert.Throws<DomainException>(() => job.RecordProgress(7, _time)).Code);
        Assert.Equal(8, job.RowsWritten);
    }

    [Fact]
    public void OnlyTheOwner_Cancels_AndOnlyWhileQueuedOrRunning()
    {
        var job = Request();

        Assert.Equal("ExportNotYours", Assert.Throws<DomainException>(() => job.Cancel("agent-2", _time)).Code);
        job.Start(10, _time);
        job.Cancel("agent-1", _time);

        Assert.Equal(ExportState.Cancelled, job.State);
        Assert.IsType<ExportCancelled>(job.DomainEvents[^1]);
        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.Cancel("agent-1", _time)).Code);
    }

    [Fact]
    public void ACancelledExport_CannotStart_ReportProgress_OrComplete()
    {
        var job = Request();
        job.Cancel("agent-1", _time);

        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.Start(10, _time)).Code);
        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.RecordProgress(1, _time)).Code);
        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.Complete(1, 1, _time)).Code);
        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.Fail(ExportFailure.WriteFailed, _time)).Code);
    }

    [Fact]
    public void AQueuedExport_CannotComplete_AndARunningOneCannotStartAgain()
    {
        var job = Request();

        Assert.Equal("ExportStateInvalid", Assert.Throws<DomainException>(() => job.Complete(1, 1, _time)).Code);
        job.Start(1, _time);
        Assert.Equal("ExportStateInvalid", Assert.Throws<DomainException>(() => job.Start(1, _time)).Code);
    }

    [Fact]
    public void Fail_RecordsTheReason_AndEndsTheJob()
    {
        var job = Request();
        job.Fail(ExportFailure.FilterUnreadable, _time);

        Assert.Equal((ExportState.Failed, ExportFailure.FilterUnreadable), (job.State, job.Failure));
        Assert.False(job.IsActive);
        Assert.Equal("ExportFinished", Assert.Throws<DomainException>(() => job.Expire(_time, fileVanished: true)).Code);
    }
}
