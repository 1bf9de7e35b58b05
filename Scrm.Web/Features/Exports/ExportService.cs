using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// The bulk export's commands and reads for whoever acts: requesting one (the ticket center's filter and the chosen
/// templates), listing and cancelling one's own, and the download's checks. Only the ticket desk exports: the file
/// holds what the center shows them, and nobody else uses the center.
/// </summary>
public sealed class ExportService(UnitOfWork work, ExportFiles files, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public const int ListSize = 50;

    /// <summary>The templates a user may take custom field columns from: every one (tickets of a retired template are still exported).</summary>
    public Task<IReadOnlyList<ExportTemplateOption>> TemplatesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync<IReadOnlyList<ExportTemplateOption>>(async (db, t) => await db.TicketTemplates.AsNoTracking()
            .OrderByDescending(x => x.IsActive).ThenBy(x => x.Name).Select(x => new ExportTemplateOption(x.Id, x.Name, x.IsActive)).ToListAsync(t), ct);
    }

    /// <summary>Queues an export of what <paramref name="filter"/> shows in the ticket center, with the custom fields of <paramref name="templateIds"/>.</summary>
    public Task<Guid> RequestAsync(Actor actor, TicketFilter filter, IReadOnlyCollection<long> templateIds, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        var fileName = l["Export.FileName", ChinaTime.FromUtc(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)].Value;
        var culture = CultureInfo.CurrentUICulture.Name;
        return work.RunAsync(actor, async (db, t) =>
        {
            var ids = templateIds.Distinct().ToList();
            if (await db.TicketTemplates.CountAsync(x => ids.Contains(x.Id), t) != ids.Count)
            {
                throw new DomainException("ExportTemplateUnknown", "One of the chosen templates no longer exists; choose again.") { Field = "TemplateIds" };
            }

            var active = await db.ExportJobs.CountAsync(j => j.OwnerId == actor.UserId && (j.State == ExportState.Queued || j.State == ExportState.Running), t);
            var job = ExportJob.Request(actor.UserId, actor.DisplayName, culture, ids, StoredTicketFilter.Write(filter), fileName, active, time);
            db.ExportJobs.Add(job);
            await db.SaveChangesAsync(t);
            return job.Id;
        }, ct);
    }

    /// <summary>The user's latest exports, newest first.</summary>
    public Task<IReadOnlyList<ExportRow>> ListMineAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.ReadAsync<IReadOnlyList<ExportRow>>(async (db, t) =>
        {
            var jobs = await db.ExportJobs.AsNoTracking().Where(j => j.OwnerId == actor.UserId)
                .OrderByDescending(j => j.RequestedAt).Take(ListSize).ToListAsync(t);
            var names = await db.TicketTemplates.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, t);
            return jobs.Select(j => new ExportRow(j.Id, j.RequestedAt, j.TemplateIds.Select(id => names.GetValueOrDefault(id)).OfType<string>().ToList(),
                j.State, j.RowsWritten, j.TotalRows, j.FileName, j.FileSize, j.FinishedAt, j.ExpiresAt, j.Failure)).ToList();
        }, ct);
    }

    /// <summary>
    /// Stops one of the user's queued or running exports. Not checked against a version the user saw: the worker moves
    /// the version with every progress save, and the only thing the user decided on — that it is still running — is
    /// checked afresh (a finished export says so).
    /// </summary>
    public Task CancelAsync(Actor actor, Guid jobId, CancellationToken ct = default)
    {
        actor.Require(RoleSets.TicketDeskRoles);
        return work.RunAsync(actor, async (db, t) =>
        {
            for (var attempt = 0; ; attempt++)
            {
                var job = await db.ExportJobs.SingleOrDefaultAsync(j => j.Id == jobId, t)
                    ?? throw new DomainException("ExportNotFound", "This export no longer exists.");
                job.Cancel(actor.UserId, time);
                try
                {
                    await db.SaveChangesAsync(t);
                    return;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear(); // the worker saved progress in between: read it again
                }
            }
        }, ct);
    }

    /// <summary>Whether the user may download the export <paramref name="id"/> and where its file is. Reads only.</summary>
    public async Task<ExportDownload> DownloadAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (!Guid.TryParse(id, out var jobId))
        {
            return new(ExportDownloadOutcome.NotFound);
        }

        var job = await work.ReadAsync((db, t) => db.ExportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == jobId, t), ct);
        if (job is null)
        {
            return new(ExportDownloadOutcome.NotFound);
        }

        if (job.OwnerId != actor.UserId || actor.Role is not { } role || !RoleSets.TicketDeskRoles.Contains(role))
        {
            return new(ExportDownloadOutcome.Forbidden);
        }

        return job.State switch
        {
            ExportState.Expired => new(ExportDownloadOutcome.Expired),
            ExportState.Done when !files.Exists(job.Id) => new(ExportDownloadOutcome.Missing),
            ExportState.Done => new(ExportDownloadOutcome.File, files.PathOf(job.Id), job.FileName),
            _ => new(ExportDownloadOutcome.NoFile),
        };
    }
}
