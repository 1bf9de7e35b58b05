using System.Text.Json.Serialization;
using Scrm.Domain.Common;
using Scrm.Domain.Sla;

namespace Scrm.Domain.Tickets;

/// <summary>
/// Something that happened to a ticket. It holds the ticket itself, not a copy of its id, so an event raised before
/// the ticket's first save reads the id the database gave it once saved.
/// </summary>
public abstract record TicketEvent([property: JsonIgnore] Ticket Ticket) : IDomainEvent
{
    [JsonIgnore]
    public long TicketId => Ticket.Id;
}

public sealed record TicketCreated(Ticket Ticket) : TicketEvent(Ticket);

/// <summary>The desk edited the ticket; <see cref="Changed"/> names the inputs that changed (custom fields as <c>Fields.key</c>).</summary>
public sealed record TicketEdited(Ticket Ticket, IReadOnlyList<string> Changed) : TicketEvent(Ticket);

public sealed record TicketAssigned(Ticket Ticket, string? From, string? To) : TicketEvent(Ticket);

public sealed record TicketStatusChanged(Ticket Ticket, TicketStatus From, TicketStatus To) : TicketEvent(Ticket);

/// <summary>The ticket entered a node of its workflow (<see cref="FromNodeId"/> is null when the workflow starts).</summary>
public sealed record TicketNodeEntered(Ticket Ticket, string? FromNodeId, string NodeId) : TicketEvent(Ticket);

public sealed record TicketTimerFired(Ticket Ticket, string NodeId) : TicketEvent(Ticket);

public sealed record TicketMigrated(Ticket Ticket, long? FromWorkflowId, long ToWorkflowId, string NodeId) : TicketEvent(Ticket);

/// <summary>An Action node asked to notify the people working the ticket.</summary>
public sealed record NotificationRequested(Ticket Ticket, string NodeId, string Message) : TicketEvent(Ticket);

/// <summary>An Action node asked for the ticket to be settled (priced and booked).</summary>
public sealed record SettlementRequested(Ticket Ticket, string NodeId) : TicketEvent(Ticket);

/// <summary>A Timer ran out with escalation: supervisors should look at the ticket.</summary>
public sealed record TicketEscalated(Ticket Ticket, string NodeId, string NodeName) : TicketEvent(Ticket);

/// <summary>The ticket now waits for settlement to price and book it (待结算).</summary>
public sealed record TicketAwaitingSettlement(Ticket Ticket) : TicketEvent(Ticket);

/// <summary>Settlement posted the ticket's completion: it no longer waits for settlement.</summary>
public sealed record TicketSettled(Ticket Ticket) : TicketEvent(Ticket);

/// <summary>Firing the ticket's timer failed; after too many failures it is parked (<see cref="Parked"/>) until an admin retries it.</summary>
public sealed record TicketTimerFailed(Ticket Ticket, int Failures, bool Parked) : TicketEvent(Ticket);

/// <summary>The ticket had a due time but no longer waits at a Timer node (migrated, or its workflow is gone): the due time is dropped.</summary>
public sealed record TicketTimerCleared(Ticket Ticket) : TicketEvent(Ticket);

/// <summary>An admin sent a parked timer back to be fired again.</summary>
public sealed record TicketTimerRetried(Ticket Ticket) : TicketEvent(Ticket);

/// <summary>Someone wrote on the ticket's activity stream.</summary>
public sealed record TicketCommented(TicketComment Comment) : IDomainEvent;

/// <summary>Someone first worked the ticket: the first-response clock stops.</summary>
public sealed record TicketResponded(Ticket Ticket, DateTime At) : TicketEvent(Ticket);

/// <summary>The ticket waits on the customer (<see cref="Reason"/>: its status or node): the SLA clock stands still.</summary>
public sealed record TicketSlaPaused(Ticket Ticket, string Reason) : TicketEvent(Ticket);

/// <summary>The SLA clock runs again; the pause added <see cref="PausedMinutes"/> working minutes to the due times.</summary>
public sealed record TicketSlaResumed(Ticket Ticket, int PausedMinutes) : TicketEvent(Ticket);

/// <summary>The ticket was resolved, closed or cancelled: the resolution clock stops.</summary>
public sealed record TicketSlaStopped(Ticket Ticket, DateTime At) : TicketEvent(Ticket);

/// <summary>A target ran out: the ticket is flagged 已超时 on board and page.</summary>
public sealed record TicketSlaBreached(Ticket Ticket, SlaTarget Target) : TicketEvent(Ticket);

/// <summary>An assignment rule gave the ticket to <see cref="AssigneeId"/> (the history shows "按规则「…」自动派给 …").</summary>
public sealed record TicketAssignedByRule(Ticket Ticket, string RuleName, string AssigneeId) : TicketEvent(Ticket);

/// <summary>The assignment rules for the ticket's template and node found nobody eligible: the region's supervisors should step in.</summary>
public sealed record TicketUnassignable(Ticket Ticket, string? NodeId) : TicketEvent(Ticket);

/// <summary>The customer's satisfaction with the finished ticket was recorded (or corrected): 1–5 stars.</summary>
public sealed record TicketRated(Ticket Ticket, int Score) : TicketEvent(Ticket);
