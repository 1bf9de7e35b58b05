using Microsoft.EntityFrameworkCore;

namespace Scrm.Data.Saving;

/// <summary>Rows the context already tracks, for handlers that must see what this save added before it is written.</summary>
public static class TrackedRows
{
    /// <summary>
    /// The tracked <typeparamref name="T"/> rows, without the change detection that <c>DbSet.Local</c> runs on every
    /// access: a handler called once per ticket of a batch would otherwise scan the whole batch each time.
    /// </summary>
    public static List<T> Tracked<T>(this DbContext db) where T : class
    {
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.ChangeTracker.Entries<T>().Select(e => e.Entity).ToList();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
