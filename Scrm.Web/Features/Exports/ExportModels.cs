using Scrm.Domain.Exports;

namespace Scrm.Web.Features.Exports;

/// <summary>One of the user's exports as 我的导出 lists it.</summary>
public sealed record ExportRow(
    Guid Id, DateTime RequestedAt, IReadOnlyList<string> TemplateNames, ExportState State, int RowsWritten, int? TotalRows, string FileName,
    long? FileSize, DateTime? FinishedAt, DateTime? ExpiresAt, ExportFailure? Failure)
{
    /// <summary>How far the run is, 0–100 (a file can end up with a few more or fewer rows than were counted at its start).</summary>
    public double Percent => State == ExportState.Done ? 100 : TotalRows is > 0 and var total ? Math.Min(100, 100.0 * RowsWritten / total) : 0;

    public string DownloadUrl => ExportEndpoints.DownloadPath(Id);
}

/// <summary>A template the export can take custom field columns from.</summary>
public sealed record ExportTemplateOption(long Id, string Name, bool IsActive);

/// <summary>What the download endpoint answers.</summary>
public enum ExportDownloadOutcome
{
    NotFound,
    Forbidden,

    /// <summary>Queued, running, failed or cancelled: there is no file (yet).</summary>
    NoFile,

    /// <summary>A day after it was done, the file was deleted.</summary>
    Expired,

    /// <summary>Done, but the file is no longer in the folder.</summary>
    Missing,
    File,
}

public sealed record ExportDownload(ExportDownloadOutcome Outcome, string? Path = null, string? FileName = null);
