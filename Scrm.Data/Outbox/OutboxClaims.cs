using Microsoft.EntityFrameworkCore;

namespace Scrm.Data.Outbox;

/// <summary>
/// The one place that claims outbox messages. One conditional UPDATE takes the next due batch in Id order; its outer
/// WHERE re-checks that each row is still free, and both engines run it atomically per row, so two instances polling
/// at the same moment never hold the same message (docs/decisions/0008-background-work.md).
/// </summary>
public static class OutboxClaims
{
    /// <summary>A token for one claim: unique per batch, and says which instance took it.</summary>
    public static string NewToken() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Claims up to <paramref name="batchSize"/> due messages for <paramref name="lease"/> and returns them, oldest first.</summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(ScrmDbContext db, string token, DateTime now, TimeSpan lease, int batchSize,
        CancellationToken ct)
    {
        var until = now + lease;
        var free = db.OutboxMessages.Where(m => m.DeliveredAt == null && m.ParkedAt == null && m.NextAttemptAt <= now
            && (m.ClaimedUntil == null || m.ClaimedUntil < now));
        var next = free.OrderBy(m => m.Id).Take(batchSize).Select(m => m.Id);
        var claimed = await free.Where(m => next.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, token).SetProperty(m => m.ClaimedUntil, until), ct);
        if (claimed == 0)
        {
            return [];
        }

        return await db.OutboxMessages.AsNoTracking().Where(m => m.ClaimedBy == token).OrderBy(m => m.Id).ToListAsync(ct);
    }
}
