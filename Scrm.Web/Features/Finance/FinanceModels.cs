using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>A settlement waiting in finance's queue, with what its hold reasons name (city, tier, partner type).</summary>
public sealed record HeldSettlementRow(long SettlementId, long TicketId, string TicketNumber, string TicketTitle, string? PayeeName,
    string? CityName, string? TierCode, string? PartnerTypeName, DateTime CompletedAt, IReadOnlyList<SettlementHold> Holds);

/// <summary>A posted or reversed settlement in 已入账.</summary>
public sealed record PostedSettlementRow(long SettlementId, long TicketId, string TicketNumber, string TicketTitle, string PayeeName,
    SettlementState State, DateTime CompletedAt, DateTime? PostedAt, decimal Total, ReversalKind? ReversalKind, string? ReversalNote);

/// <summary>已入账's filter: completion month, payee, ticket number (any part of it).</summary>
public sealed record PostedFilter(DateOnly? Month, string? PayeeId, string? TicketNumber);

public sealed record SettlementLineRow(int Number, string ItemName, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount);

public sealed record LedgerEntryRow(long Id, DateTime PostedAt, DateOnly Month, EarningsKind Kind, string ItemName, decimal Quantity, decimal Amount, bool IsAdjustment);

/// <summary>What a settlement's row shows when expanded: its priced lines and the ledger rows they booked.</summary>
public sealed record SettlementDetail(IReadOnlyList<SettlementLineRow> Lines, IReadOnlyList<LedgerEntryRow> Entries);

/// <summary>What retrying the queue did.</summary>
public sealed record RetryResult(int Posted, int StillHeld);

public sealed record PayeeOption(string Id, string Name);
