using Scrm.Domain.Common;

namespace Scrm.Web.Security;

/// <summary>Someone else saved the same record since it was loaded; nothing was overwritten.</summary>
public sealed class ConcurrencyConflictException : DomainException
{
    public ConcurrencyConflictException() : base("ConcurrencyConflict", "Someone else changed this record while you were editing it. Reload to see their changes.") { }

    public ConcurrencyConflictException(string message) : base("ConcurrencyConflict", message) { }

    public ConcurrencyConflictException(string message, Exception inner) : base(message, inner) { }
}

public static class ConcurrencyChecks
{
    /// <summary>
    /// Saves, turning EF's concurrency failure into the refusal the UI shows with its reload option, and a unique
    /// index's refusal (someone saved the same name a moment earlier) into <paramref name="duplicate"/>'s message.
    /// </summary>
    public static async Task SaveChangesOrConflictAsync(this Data.ScrmDbContext db, CancellationToken ct, Func<DomainException>? duplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (duplicate is not null && Data.Providers.DatabaseProvider.IsUniqueViolation(e))
        {
            throw duplicate();
        }
    }
}
