using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Exports;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// Runs one queued export to its end: checks the owner may still use the ticket center and reads the stored filter,
/// counts the matching tickets, then streams them page by page into the file, saving progress every
/// <see cref="ProgressEvery"/> rows (which the owner's page hears through the change feed). A cancel by the owner is
/// noticed at the next progress save; a failure deletes what was written and says why.
/// </summary>
public sealed class TicketExporter(UnitOfWork work, ExportFiles files, TimeProvider time, IStringLocalizer<SharedResource> l, ILogger<TicketExporter> logger)
{
    public const int ProgressEvery = 5_000;

    private static readonly Actor Worker = Actor.System(ActorChannel.Job);

    private sealed record Plan(Guid JobId, TicketQuery Query, RegionScope Scope, IReadOnlyList<TicketTemplate> Templates, long LastId);

    /// <summary>Runs the job if it is still queued; a job that is not (done, cancelled, taken by another run) is left alone.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        var culture = await work.ReadAsync((db, t) => db.ExportJobs.Where(j => j.Id == jobId).Select(j => j.Culture).SingleOrDefaultAsync(t), ct);
        CultureInfo.CurrentUICulture = UserProfile.SupportedCultures.Contains(culture) ? CultureInfo.GetCultureInfo(culture!) : CultureInfo.GetCultureInfo("zh-CN");
        if (await StartAsync(jobId, ct) is not { } plan)
        {
            return;
        }

        try
        {
            if (await WriteAsync(plan, ct) is { } rows)
            {
                var size = files.Publish(jobId);
                if (await UpdateAsync(jobId, j => j.Complete(rows, size, time), ct))
                {
                    return;
                }
            }

            files.Delete(jobId); // the owner cancelled meanwhile
        }
        catch (Exception ex)
        {
            files.Delete(jobId);
            var reason = ct.IsCancellationRequested ? ExportFailure.Interrupted : ExportFailure.WriteFailed;
            logger.LogError(ex, "Export {JobId} failed ({Reason}).", jobId, reason);
            await UpdateAsync(jobId, j => j.Fail(reason, time), CancellationToken.None);
        }
    }

    /// <summary>Takes the job from Queued to Running, or fails it with the reason it cannot run; null when there is nothing to write.</summary>
    private Task<Plan?> StartAsync(Guid jobId, CancellationToken ct) => work.RunAsync<Plan?>(Worker, async (db, t) =>
    {
        var job = await db.ExportJobs.SingleOrDefaultAsync(j => j.Id == jobId, t);
        if (job is not { State: ExportState.Queued })
        {
            return null;
        }

        var owner = await db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == job.OwnerId, t);
        var query = StoredTicketFilter.Read(job.Filter);
        if (owner is not { IsActive: true } || !RoleSets.TicketDeskRoles.Contains(owner.Role) || query is null)
        {
            job.Fail(query is null ? ExportFailure.FilterUnreadable : ExportFailure.AccessLost, time);
            await SaveAsync(db, t);
            return null;
        }

        // The owner's region scope as it is now: the file never holds a ticket they could not see in the center.
        var scope = await RegionScope.ForAsync(db, new Actor(owner.Id, owner.DisplayName, owner.Role, ActorChannel.Job), t);
        var byId = await db.TicketTemplates.AsNoTracking().Include(x => x.Fields).Where(x => job.TemplateIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, t);
        var templates = job.TemplateIds.Select(byId.GetValueOrDefault).OfType<TicketTemplate>().ToList();
        var (count, lastId) = await new ExportTicketReader(db, query, scope, []).MeasureAsync(t);
        job.Start(count, time);
        return await SaveAsync(db, t) ? new Plan(jobId, query, scope, templates, lastId) : null;
    }, ct);

    /// <summary>Streams every matching ticket into the job's file; the number of rows, or null when the owner cancelled.</summary>
    private Task<int?> WriteAsync(Plan plan, CancellationToken ct) => work.ReadAsync<int?>(async (db, t) =>
    {
        var layout = ExportLayout.For(plan.Templates, l);
        var reader = new ExportTicketReader(db, plan.Query, plan.Scope, ExportTicketReader.CustomerLinkKeysOf(plan.Templates));
        await using var stream = files.Create(plan.JobId);
        await using var writer = await TicketSheetWriter.StartAsync(stream, layout, l["Export.SheetName"], t);
        var (afterId, reported) = (0L, 0);
        while (afterId < plan.LastId)
        {
            var (page, lastRead) = await reader.NextPageAsync(afterId, plan.LastId, t);
            foreach (var ticket in page)
            {
                await writer.AddAsync(ticket, t);
            }

            afterId = lastRead;
            if (writer.Rows - reported >= ProgressEvery)
            {
                reported = writer.Rows;
                if (!await UpdateAsync(plan.JobId, j => j.RecordProgress(reported, time), t))
                {
                    return null;
                }
            }
        }

        await writer.FinishAsync(t);
        return writer.Rows;
    }, ct);

    /// <summary>Applies <paramref name="change"/> to the job while it is still queued or running; false once it is not (cancelled).</summary>
    private Task<bool> UpdateAsync(Guid jobId, Action<ExportJob> change, CancellationToken ct) => work.RunAsync(Worker, async (db, t) =>
    {
        // The owner may cancel between the read and the save: then read again and see it.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var job = await db.ExportJobs.SingleAsync(j => j.Id == jobId, t);
            if (!job.IsActive)
            {
                return false;
            }

            change(job);
            if (await SaveAsync(db, t))
            {
                return true;
            }

            db.ChangeTracker.Clear();
        }

        return false;
    }, ct);

    /// <summary>Saves; false when someone else (the owner cancelling) saved the job first.</summary>
    private static async Task<bool> SaveAsync(ScrmDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
