using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Auditing;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Assignment;

/// <summary>
/// Writes the ticket's history row "按规则「…」自动派给 …" in the same save: the audit records the new assignee, but only
/// the event knows which rule chose them. Before holds the rule's name, After the assignee's id (named when shown).
/// </summary>
public sealed class AssignedByRuleHistory : InTransactionHandler<TicketAssignedByRule>
{
    public const string Field = "AssignedByRule";

    protected override Task HandleAsync(TicketAssignedByRule domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var ticket = db.Entry(domainEvent.Ticket);
        var audit = new AuditEntry(db.Pipeline.Clock.GetUtcNow().UtcDateTime, db.Actor.UserId, db.Actor.DisplayName, nameof(Ticket),
            ticket.Property(t => t.Id).IsTemporary ? null : domainEvent.Ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditAction.Updated, Field, domainEvent.RuleName, domainEvent.AssigneeId);
        db.AuditEntries.Add(audit);
        // A new ticket's key is still EF's temporary one here: the save links the row to the real id.
        db.Entry(audit).Property(nameof(AuditEntry.TicketId)).CurrentValue = ticket.Property(t => t.Id).CurrentValue;
        return Task.CompletedTask;
    }
}
