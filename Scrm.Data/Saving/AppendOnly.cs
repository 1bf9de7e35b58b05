using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Catalog;
using Scrm.Domain.Settlements;

namespace Scrm.Data.Saving;

/// <summary>
/// Records that are written once and never changed: the earnings ledger and stock movements. A save that would update
/// or delete one is refused before it reaches the database (whose triggers refuse it too): a mistake is corrected by a
/// new entry, so the record stays its own audit.
/// </summary>
internal static class AppendOnly
{
    private static readonly HashSet<Type> Types = [typeof(EarningsEntry), typeof(StockMovement)];

    public static void Check(DbContext db)
    {
        var changed = db.ChangeTracker.Entries()
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted && Types.Contains(e.Metadata.ClrType));
        if (changed is not null)
        {
            throw new InvalidOperationException($"{changed.Metadata.ClrType.Name} rows are append-only: add a correcting entry instead of changing one.");
        }
    }
}
