using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>What the 服务与备件 tab of a ticket shows: the work recorded, whether it may change, and how it settled.</summary>
public sealed record TicketWorkView(
    long TicketId,
    IReadOnlyList<WorkLineRow> Lines,
    bool CanRecord,
    string? LockedReason,
    IReadOnlyList<SettlementSummary> Settlements)
{
    /// <summary>The warehouse a part most likely came from: the one named for the ticket's city (杭州 → 杭州仓), if exactly one is.</summary>
    public long? DefaultWarehouseId { get; init; }
}

public sealed record WorkLineRow(long Id, long Version, PricedItemKind Kind, string Code, string Name, string Unit, decimal Quantity,
    string? Warehouse, string? Note, string RecordedBy, DateTime RecordedAt);

/// <summary>A settlement of the ticket as its page shows it; amounts only for those who may see money (desk, finance, the payee).</summary>
public sealed record SettlementSummary(long Id, int Round, SettlementState State, DateTime CompletedAt, string? Payee, decimal? Total,
    decimal? CustomerTotal, IReadOnlyList<SettlementHold> Holds, ReversalKind? ReversalKind)
{
    /// <summary>The priced lines, for those who see the money; empty otherwise (and while held).</summary>
    public IReadOnlyList<SettlementLineRow> Lines { get; init; } = [];

    /// <summary>The payee, city, tier and partner type it was priced for, by name (its hold reasons name them).</summary>
    public HoldTerms Terms { get; init; } = new(null, null, null, null);

    public DateTime? PostedAt { get; init; }
    public DateTime? ReversedAt { get; init; }
}

public sealed record SettlementLineRow(int Number, PricedItemKind Kind, string Code, string Name, string Unit, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>What a user records: an item (service or part), how much, and for a part the warehouse it came from.</summary>
public sealed class WorkForm
{
    public PricedItemKind Kind { get; set; }
    public long? ItemId { get; set; }
    public decimal? Quantity { get; set; } = 1;
    public long? WarehouseId { get; set; }
    public string? Note { get; set; }
}

/// <summary>The pickers of the work form: active services and parts, and the warehouses.</summary>
public sealed record WorkOptions(IReadOnlyList<WorkItemOption> Services, IReadOnlyList<WorkItemOption> Parts, IReadOnlyList<WarehouseChoice> Warehouses);

public sealed record WorkItemOption(long Id, string Code, string Name, string Unit, string? Category);

public sealed record WarehouseChoice(long Id, string Name);
