using Scrm.Data;
using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Workflows;

namespace Scrm.Web.Features.Sla;

/// <summary>
/// Whenever a ticket's status or node changes — on a board, its page, a timer, a migration — its SLA clock follows in
/// the same transaction: paused while it waits on the customer (a status the admin marked, or a node marked in the
/// designer), resumed after, stopped when finished, restarted when reopened.
/// </summary>
public sealed class SlaClockKeeper(SlaRulesCache rules, WorkflowVersionCache workflows) : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is TicketStatusChanged or TicketNodeEntered or TicketMigrated;

    public async Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var ticket = ((TicketEvent)domainEvent).Ticket;
        var sla = await rules.GetAsync(db, ct);
        // The moment of the change, as the ticket recorded it: an import replaying history stamps its own times.
        ticket.SyncSlaClock(await WaitingOnAsync(db, sla, ticket, ct), sla.Calendar, ticket.UpdatedAt);
    }

    /// <summary>
    /// A workflow ticket waits on the customer at a node the designer marked so; its status says nothing of whom it
    /// waits for (an approval shows 挂起 while a supervisor decides). A ticket without a workflow waits in the statuses
    /// the admin marked.
    /// </summary>
    private async Task<string?> WaitingOnAsync(ScrmDbContext db, SlaRules sla, Ticket ticket, CancellationToken ct)
    {
        if (ticket.WorkflowId is not { } id)
        {
            return sla.WaitingStatuses.Contains(ticket.Status) ? ticket.Status.ToString() : null;
        }

        var node = await workflows.GetAsync(db, id, ct) is { } workflow ? workflow.Graph.FindNode(ticket.CurrentNodeId) : null;
        return node is { WaitsOnCustomer: true } ? node.Name : null;
    }
}
