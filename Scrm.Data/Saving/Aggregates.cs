using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Scrm.Domain.Common;

namespace Scrm.Data.Saving;

/// <summary>Finds the aggregate a tracked row belongs to.</summary>
internal static class Aggregates
{
    /// <summary>The aggregate a row belongs to: itself, or the aggregate its required parent key points at.</summary>
    public static (Type Type, object? Key, EntityEntry? Entry)? RootOf(EntityEntry entry)
    {
        if (entry.Entity is AggregateRoot)
        {
            var key = entry.Metadata.FindPrimaryKey()!.Properties.Single();
            return (entry.Metadata.ClrType, entry.Property(key.Name).CurrentValue, entry);
        }

        // A link row (a user's region, skill or partner type) also points at the aggregate it links to; it belongs to the
        // one whose collection holds it, so keys with a navigation from their principal come first.
        foreach (var fk in entry.Metadata.GetForeignKeys().Where(f => f.IsRequired && f.PrincipalEntityType.ClrType.IsSubclassOf(typeof(AggregateRoot)))
                     .OrderBy(f => f.PrincipalToDependent is null))
        {
            var key = entry.Property(fk.Properties.Single().Name).CurrentValue;
            var principalKey = fk.PrincipalKey.Properties.Single().Name;
            var parent = entry.Context.ChangeTracker.Entries()
                .FirstOrDefault(e => e.Metadata == fk.PrincipalEntityType && Equals(e.Property(principalKey).CurrentValue, key));
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
        var changed = new HashSet<EntityEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            if (RootOf(entry) is { Entry: { } root })
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
}
