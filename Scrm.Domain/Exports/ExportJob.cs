using Scrm.Domain.Common;

namespace Scrm.Domain.Exports;

/// <summary>
/// 导出任务: one person's bulk export of the ticket center's tickets (a stored filter and the templates whose custom
/// fields become columns) into an .xlsx file that a background worker writes. Only its owner downloads or cancels it;
/// the file is kept for <see cref="KeptFor"/> after it is done.
/// </summary>
public sealed class ExportJob : AggregateRoot
{
    public const int FilterMaxLength = 4000;
    public const int FileNameMaxLength = 120;
    public const int MaxTemplates = 50;

    /// <summary>How many exports one person may have queued or running at once: each one holds a worker for a while.</summary>
    public const int MaxActivePerOwner = 3;

    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private List<long> _templateIds = [];

    private ExportJob() { }

    /// <summary>Made by the domain (time-ordered), so the request's event names the job before it is saved.</summary>
    public Guid Id { get; private set; }

    public string OwnerId { get; private set; } = "";
    public string OwnerName { get; private set; } = "";

    /// <summary>The owner's UI culture when they asked: the file's headers and words are in it.</summary>
    public string Culture { get; private set; } = "";

    /// <summary>The templates whose custom fields are exported, one column per field key.</summary>
    public IReadOnlyList<long> TemplateIds => _templateIds;

    /// <summary>The ticket center's filter as the app stored it (JSON); the worker reads it back.</summary>
    public string Filter { get; private set; } = "";

    /// <summary>The name the download is offered under, e.g. <c>工单导出-20261125-1430.xlsx</c>.</summary>
    public string FileName { get; private set; } = "";

    public ExportState State { get; private set; }
    public DateTime RequestedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }

    /// <summary>When the worker last reported (start or progress): a run that stays silent too long was interrupted.</summary>
    public DateTime? UpdatedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>When a done export's file is deleted.</summary>
    public DateTime? ExpiresAt { get; private set; }

    /// <summary>How many tickets matched when the run started (tickets changing meanwhile may make the file differ a little).</summary>
    public int? TotalRows { get; private set; }

    public int RowsWritten { get; private set; }
    public long? FileSize { get; private set; }
    public ExportFailure? Failure { get; private set; }

    public bool IsActive => State is ExportState.Queued or ExportState.Running;

    /// <summary>Queues an export for <paramref name="ownerId"/>, who has <paramref name="activeJobs"/> exports queued or running already.</summary>
    public static ExportJob Request(string ownerId, string ownerName, string culture, IEnumerable<long> templateIds, string filter, string fileName,
        int activeJobs, TimeProvider time)
    {
        if (activeJobs >= MaxActivePerOwner)
        {
            throw new DomainException("ExportTooMany", $"You already have {MaxActivePerOwner} exports running; wait for one to finish or cancel one.", MaxActivePerOwner);
        }

        var templates = templateIds.Distinct().ToList();
        if (templates.Count > MaxTemplates)
        {
            throw new DomainException("ExportTooManyTemplates", $"Choose at most {MaxTemplates} templates.", MaxTemplates) { Field = "TemplateIds" };
        }

        if (filter.Length > FilterMaxLength)
        {
            throw new DomainException("ExportFilterTooLong", "The filter is too long to be stored; narrow it down.") { Field = "Filter" };
        }

        var now = time.GetUtcNow();
        var job = new ExportJob
        {
            Id = Guid.CreateVersion7(now),
            OwnerId = ownerId,
            OwnerName = ownerName,
            Culture = culture,
            _templateIds = templates,
            Filter = filter,
            FileName = Guard.RequiredText(fileName, "FileName", FileNameMaxLength),
            State = ExportState.Queued,
            RequestedAt = now.UtcDateTime,
        };
        job.Raise(new ExportRequested(job));
        return job;
    }

    /// <summary>The worker took the job: <paramref name="totalRows"/> tickets match the filter now.</summary>
    public void Start(int totalRows, TimeProvider time)
    {
        Require(ExportState.Queued);
        var now = time.GetUtcNow().UtcDateTime;
        State = ExportState.Running;
        StartedAt = now;
        UpdatedAt = now;
        TotalRows = Math.Max(totalRows, 0);
        Raise(new ExportStarted(this));
    }

    /// <summary><paramref name="rowsWritten"/> rows are in the file so far.</summary>
    public void RecordProgress(int rowsWritten, TimeProvider time)
    {
        Require(ExportState.Running);
        if (rowsWritten < RowsWritten)
        {
            throw new DomainException("ExportProgressBackwards", "An export's row count never goes down.");
        }

        RowsWritten = rowsWritten;
        UpdatedAt = time.GetUtcNow().UtcDateTime;
        Raise(new ExportProgressed(this));
    }

    /// <summary>The file is written: <paramref name="rowsWritten"/> rows in <paramref name="fileSize"/> bytes, kept for a day.</summary>
    public void Complete(int rowsWritten, long fileSize, TimeProvider time)
    {
        Require(ExportState.Running);
        var now = time.GetUtcNow().UtcDateTime;
        State = ExportState.Done;
        RowsWritten = Math.Max(rowsWritten, 0);
        FileSize = fileSize;
        FinishedAt = now;
        UpdatedAt = now;
        ExpiresAt = now + KeptFor;
        Raise(new ExportCompleted(this));
    }

    /// <summary>The export could not be made; a queued or running job ends here with the reason.</summary>
    public void Fail(ExportFailure reason, TimeProvider time)
    {
        if (!IsActive)
        {
            throw Finished();
        }

        var now = time.GetUtcNow().UtcDateTime;
        State = ExportState.Failed;
        Failure = reason;
        FinishedAt = now;
        UpdatedAt = now;
        Raise(new ExportFailed(this));
    }

    /// <summary>The owner stops a queued or running export; the worker notices at its next page and deletes what it wrote.</summary>
    public void Cancel(string userId, TimeProvider time)
    {
        RequireOwner(userId);
        if (!IsActive)
        {
            throw Finished();
        }

        var now = time.GetUtcNow().UtcDateTime;
        State = ExportState.Cancelled;
        FinishedAt = now;
        UpdatedAt = now;
        Raise(new ExportCancelled(this));
    }

    /// <summary>Whether a done export's day is over at <paramref name="now"/>.</summary>
    public bool IsDueToExpire(DateTime now) => State == ExportState.Done && ExpiresAt <= now;

    /// <summary>
    /// Its file is gone: a day after it was done, or earlier when the file vanished from the folder (then
    /// <paramref name="fileVanished"/>, and the day need not be over).
    /// </summary>
    public void Expire(TimeProvider time, bool fileVanished = false)
    {
        Require(ExportState.Done);
        var now = time.GetUtcNow().UtcDateTime;
        if (!fileVanished && !IsDueToExpire(now))
        {
            throw new DomainException("ExportNotDue", "The export's file is kept until a day after it was done.");
        }

        State = ExportState.Expired;
        UpdatedAt = now;
        Raise(new ExportExpired(this));
    }

    /// <summary>Only the person who asked for an export may download or cancel it.</summary>
    public void RequireOwner(string userId)
    {
        if (userId != OwnerId)
        {
            throw new DomainException("ExportNotYours", "This export belongs to someone else.");
        }
    }

    private void Require(ExportState state)
    {
        if (State != state)
        {
            throw IsActive ? new DomainException("ExportStateInvalid", $"The export is {State}, not {state}.", State, state) : Finished();
        }
    }

    private static DomainException Finished() => new("ExportFinished", "The export has already finished.");
}
