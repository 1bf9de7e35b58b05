using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Data.Outbox;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>
/// Retries held settlements by themselves when what they may wait for arrives: a price book version is published (the
/// settlements it covers), or work is recorded on or removed from a ticket whose settlement is held.
/// Outbox, not in-transaction: the pricer reads prices and work from the database, and inside the save that publishes
/// the version (or records the line) those rows are not written yet, so an in-transaction retry would price against
/// the old state. After commit it sees them; it also keeps a publish from failing (or slowing) because of one queued
/// ticket. Delivery is at least once, which is safe: a settlement no longer held is not touched, and the ledger's unique
/// (settlement, line, kind) key books a line once.
/// </summary>
public sealed class RetryHeldSettlements(TimeProvider time) : IOutboxConsumer
{
    private sealed record PublishedVersion(DateOnly EffectiveFrom);

    private sealed record PublishedPayload(PublishedVersion Version);

    private sealed record WorkedLine(long TicketId);

    private sealed record WorkPayload(WorkedLine Line);

    public async Task ConsumeAsync(OutboxDelivery message, ScrmDbContext db, CancellationToken ct)
    {
        var held = db.Settlements.Where(s => s.State == SettlementState.Held);
        if (message.Type == nameof(PriceBookPublished))
        {
            // A version prices completions from its date (and fills gaps of earlier ones) until the next published version.
            var from = message.Read<PublishedPayload>().Version.EffectiveFrom;
            var next = await db.Set<PriceBookVersion>().Where(v => v.State == PriceBookState.Published && v.EffectiveFrom > from)
                .MinAsync(v => (DateOnly?)v.EffectiveFrom, ct);
            if (next is { } until)
            {
                var before = ChinaTime.ToUtc(until.ToDateTime(TimeOnly.MinValue));
                held = held.Where(s => s.CompletedAt < before);
            }
        }
        else
        {
            var ticketId = message.Read<WorkPayload>().Line.TicketId;
            held = held.Where(s => s.TicketId == ticketId);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await HeldSettlements.RetryAsync(db, await held.OrderBy(s => s.Id).ToListAsync(ct), now, ct);
    }
}
