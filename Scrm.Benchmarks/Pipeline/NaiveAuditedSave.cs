using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.ChangeTracking.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Scrm.Data;
using Scrm.Domain.Auditing;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Benchmarks.Pipeline;

/// <summary>
/// The save as it was before the one pipeline (git a49225b, ScrmDbContext.SaveChangesAsync + Auditing/AuditRecorder):
/// capture the changes, open a transaction, save, then add the audit rows and save a second time. Re-created here
/// only as the baseline of <see cref="PipelineBenchmarks"/>; the version is bumped by hand, as the domain did then.
/// </summary>
public static class NaiveAuditedSave
{
    public static async Task SaveAsync(ScrmDbContext db, Actor actor, DateTime now, CancellationToken ct = default)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var root in db.ChangeTracker.Entries<AggregateRoot>().Where(e => e.State == EntityState.Modified))
        {
            root.Property(nameof(AggregateRoot.Version)).CurrentValue = (long)root.Property(nameof(AggregateRoot.Version)).CurrentValue! + 1;
            root.Entity.TakeDomainEvents(); // the old save had no events to dispatch
        }

        var pending = Capture(db.ChangeTracker);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await SaveWithoutPipelineAsync(db, ct);
        db.AuditEntries.AddRange(pending.Select(p => new AuditEntry(now, actor.UserId, actor.DisplayName, p.EntityType, p.EntityId(),
            p.Action, p.Field, p.Before, p.After)));
        await SaveWithoutPipelineAsync(db, ct);
        await transaction.CommitAsync(ct);
    }

    // DbContext.SaveChangesAsync without ScrmDbContext's override: what "base.SaveChangesAsync" did in the old context.
#pragma warning disable EF1001 // Internal EF Core API, used only to reach the pre-pipeline save for this baseline.
    private static Task<int> SaveWithoutPipelineAsync(ScrmDbContext db, CancellationToken ct) =>
        db.GetService<IStateManager>().SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
#pragma warning restore EF1001

    private sealed record Pending(EntityEntry Entry, string EntityType, AuditAction Action, string? Field, string? Before, string? After)
    {
        public string? EntityId() => Entry.Metadata.FindPrimaryKey()!.Properties
            .Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
    }

    // The old capture: one row per changed property (ToString of before and after), one per created or deleted row.
    private static List<Pending> Capture(ChangeTracker tracker)
    {
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is not AuditEntry && e.Metadata.ClrType.Assembly == typeof(Ticket).Assembly))
        {
            var type = entry.Metadata.ClrType.Name;
            if (entry.State != EntityState.Modified)
            {
                pending.Add(new(entry, type, entry.State == EntityState.Added ? AuditAction.Created : AuditAction.Deleted, null, null, null));
                continue;
            }

            foreach (var property in entry.Properties.Where(p => p.IsModified && p.Metadata.Name != "UpdatedAt"))
            {
                var (before, after) = (property.OriginalValue?.ToString(), property.CurrentValue?.ToString());
                if (before != after)
                {
                    pending.Add(new(entry, type, AuditAction.Updated, property.Metadata.Name, before, after));
                }
            }
        }

        return pending;
    }
}
