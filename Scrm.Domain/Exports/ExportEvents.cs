using System.Text.Json.Serialization;
using Scrm.Domain.Common;

namespace Scrm.Domain.Exports;

/// <summary>Something that happened to an export job. The job's id is set by the domain, so it is known before the first save.</summary>
public abstract record ExportEvent([property: JsonIgnore] ExportJob Job) : IDomainEvent
{
    public Guid JobId => Job.Id;
}

/// <summary>Someone asked for an export: a background worker runs it.</summary>
public sealed record ExportRequested(ExportJob Job) : ExportEvent(Job);

public sealed record ExportStarted(ExportJob Job) : ExportEvent(Job);

/// <summary>More rows are in the file (saved every few thousand rows, so the owner's page moves).</summary>
public sealed record ExportProgressed(ExportJob Job) : ExportEvent(Job);

public sealed record ExportCompleted(ExportJob Job) : ExportEvent(Job);

public sealed record ExportFailed(ExportJob Job) : ExportEvent(Job);

public sealed record ExportCancelled(ExportJob Job) : ExportEvent(Job);

/// <summary>A day after it finished, the file was deleted.</summary>
public sealed record ExportExpired(ExportJob Job) : ExportEvent(Job);
