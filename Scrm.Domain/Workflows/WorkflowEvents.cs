namespace Scrm.Domain.Workflows;

/// <summary>Something a workflow did that others must act on after the ticket is saved.</summary>
public abstract record WorkflowEvent(long TicketId, string NodeId);

/// <summary>An Action node asked to notify people.</summary>
public sealed record NotificationRequested(long TicketId, string NodeId, string Message) : WorkflowEvent(TicketId, NodeId);

/// <summary>An Action node asked for the ticket to be settled (priced and booked).</summary>
public sealed record SettlementRequested(long TicketId, string NodeId) : WorkflowEvent(TicketId, NodeId);

/// <summary>A Timer ran out with escalation: supervisors should look at the ticket.</summary>
public sealed record TicketEscalated(long TicketId, string NodeId, string NodeName) : WorkflowEvent(TicketId, NodeId);
