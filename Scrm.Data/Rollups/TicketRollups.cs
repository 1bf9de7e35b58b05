using Microsoft.EntityFrameworkCore;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;

namespace Scrm.Data.Rollups;

/// <summary>
/// Keeps <see cref="TicketDayRollup"/> and <see cref="AssigneeLoad"/> in step with the tickets, in the save that changes
/// them: every ticket an event was raised for is counted once, after the save's last dispatch round, as its facts now
/// minus its facts as last saved (EF's original values) — so a ticket moved to another region, reopened or rated moves
/// its counts, whatever combination of events got it there.
/// </summary>
public sealed class TicketRollups : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is TicketEvent;

    public Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        Touched(db).Add(((TicketEvent)domainEvent).Ticket);
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(ScrmDbContext db, CancellationToken ct)
    {
        var tickets = Touched(db);
        if (tickets.Count == 0)
        {
            return;
        }

        var batch = new RollupBatch();
        foreach (var ticket in tickets)
        {
            var entry = db.Entry(ticket);
            if (entry.State is EntityState.Modified or EntityState.Unchanged)
            {
                TicketFacts.Of(entry.OriginalValues).AddTo(batch, -1);
            }

            if (entry.State is not EntityState.Deleted)
            {
                TicketFacts.Of(entry.CurrentValues).AddTo(batch, +1);
            }
        }

        tickets.Clear();
        await batch.WriteAsync(db, ct);
    }

    private static HashSet<Ticket> Touched(ScrmDbContext db) => db.SaveCache.GetOrAdd(typeof(TicketRollups), () => new HashSet<Ticket>(ReferenceEqualityComparer.Instance));
}
