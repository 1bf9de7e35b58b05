using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;

namespace Scrm.Data.Saving;

/// <summary>
/// Finds the aggregate each tracked row of one save belongs to. Parents are looked up in an index of the tracked
/// aggregates built once, so a save of thousands of rows (a batch of settlements) stays linear.
/// </summary>
internal sealed class Aggregates
{
    // Records that belong to no aggregate: a ledger row is written once, on its own, and changes nobody's version.
    private static readonly HashSet<Type> Standalone = [typeof(EarningsEntry)];

    private readonly DbContext _db;
    private Dictionary<(IEntityType Type, object Key), EntityEntry>? _tracked;

    public Aggregates(DbContext db) => _db = db;

    /// <summary>The aggregate a row belongs to: itself, or the aggregate its required parent key points at.</summary>
    public (Type Type, object? Key, EntityEntry? Entry)? RootOf(EntityEntry entry)
    {
        if (entry.Entity is AggregateRoot)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
            return (entry.Metadata.ClrType, entry.Property(key.Name).CurrentValue, entry);
        }

        if (Standalone.Contains(entry.Metadata.ClrType))
        {
            return null;
        }

        // A link row (a user's region, skill or partner type) also points at the aggregate it links to; it belongs to the
        // one whose collection holds it, so keys with a navigation from their principal come first.
        foreach (var fk in entry.Metadata.GetForeignKeys().Where(f => f.IsRequired && f.PrincipalEntityType.ClrType.IsSubclassOf(typeof(AggregateRoot)))
                     .OrderBy(f => f.PrincipalToDependent is null))
        {
            var key = entry.Property(fk.Properties.Single().Name).CurrentValue;
            var parent = key is null ? null : Tracked().GetValueOrDefault((fk.PrincipalEntityType, key));
            return (fk.PrincipalEntityType.ClrType, key, parent);
        }

        return null;
    }

    /// <summary>
    /// Bumps the concurrency token of every aggregate this save changes — itself or any of its parts — exactly once:
    /// 1 for a new one, one more for a changed one. The WHERE clause still compares the version it was loaded at.
    /// </summary>
    public static void BumpVersions(DbContext db)
    {
        var aggregates = new Aggregates(db);
        var changed = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (aggregates.RootOf(entry) is { Entry: { } root })
            {
                changed.Add(root);
            }
        }

        foreach (var root in changed)
        {
            var version = root.Property(nameof(AggregateRoot.Version));
            version.CurrentValue = root.State == EntityState.Added ? 1L : (long)version.OriginalValue! + 1;
        }
    }

    private Dictionary<(IEntityType Type, object Key), EntityEntry> Tracked() =>
        _tracked ??= _db.ChangeTracker.Entries()
            .Where(e => e.Entity is AggregateRoot)
            .ToDictionary(e => (e.Metadata, e.Property(e.Metadata.FindPrimaryKey()!.Properties.Single().Name).CurrentValue!));
}
