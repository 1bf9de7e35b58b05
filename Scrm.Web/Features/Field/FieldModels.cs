using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;

namespace Scrm.Web.Features.Field;

/// <summary>A card of 我的任务: what a technician needs to pick the next job and find the place.</summary>
public sealed record JobCard(long Id, string Number, string Title, Urgency Urgency, TicketStatus Status, string? CustomerName,
    string? Address, SlaState? Sla);

/// <summary>One job on the phone: the ticket as its page shows it, and where to go.</summary>
public sealed record JobView(TicketView Ticket, string? Address);

/// <summary>我的收益: the technician's own ledger, totalled by China-time period and listed per ticket.</summary>
public sealed record EarningsView(decimal Today, decimal ThisMonth, decimal LastMonth, IReadOnlyList<EarningsTicket> Tickets);

/// <summary>A ticket's entries since the start of last month, newest ticket first; <see cref="Total"/> nets reversals.</summary>
public sealed record EarningsTicket(long TicketId, string Number, string Title, decimal Total, IReadOnlyList<EarningsLine> Lines);

/// <summary>One ledger entry; a reversal's quantity and amount are negative.</summary>
public sealed record EarningsLine(long Id, EarningsKind Kind, PricedItemKind ItemKind, string ItemName, decimal Quantity, decimal Amount,
    DateTime PostedAt, bool IsAdjustment);
