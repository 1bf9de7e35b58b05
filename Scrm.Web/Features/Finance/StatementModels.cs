using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>One payee's statement for a month: stored once confirmed, otherwise a draft computed from the ledger.</summary>
public sealed record StatementRow(string PayeeId, string PayeeName, string? PartnerTypeName, DateOnly Month, StatementState State,
    int LineCount, decimal Total, long? StatementId, DateTime? ConfirmedAt, DateTime? PaidAt);

/// <summary>One ledger row as the statement shows it: reversals negative, adjustments with the month the work was completed in.</summary>
public sealed record StatementLineRow(long EntryId, string PayeeName, DateTime PostedAt, string TicketNumber, string ItemName, decimal Quantity,
    decimal Amount, EarningsKind Kind, bool IsAdjustment, DateOnly CompletedMonth);

/// <summary>A payee's month: the statement row and its lines.</summary>
public sealed record StatementDetailView(StatementRow Statement, IReadOnlyList<StatementLineRow> Lines);
