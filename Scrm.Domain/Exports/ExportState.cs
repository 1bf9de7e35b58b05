namespace Scrm.Domain.Exports;

/// <summary>Where a bulk export stands: Queued → Running → Done (then Expired a day later), or Failed, or Cancelled.</summary>
public enum ExportState
{
    Queued,
    Running,
    Done,
    Failed,
    Cancelled,

    /// <summary>Done a day ago: the file is deleted and the link says so.</summary>
    Expired,
}

/// <summary>Why an export failed; each has a message that tells the user what to do.</summary>
public enum ExportFailure
{
    /// <summary>The stored ticket-center filter could not be read.</summary>
    FilterUnreadable,

    /// <summary>The person who asked may no longer use the ticket center (deactivated, or their role changed).</summary>
    AccessLost,

    /// <summary>The app stopped while the export ran, or the run stopped reporting progress.</summary>
    Interrupted,

    /// <summary>Reading the tickets or writing the file failed.</summary>
    WriteFailed,
}
