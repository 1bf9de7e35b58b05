using Scrm.Domain.Pricing;

namespace Scrm.Domain.Settlements;

public enum EarningsKind
{
    /// <summary>A posted settlement line: the payee earned it.</summary>
    Earning,

    /// <summary>The same line taken back, negative, when its settlement was reversed.</summary>
    Reversal,
}

/// <summary>
/// 收益流水: one line of a payee's earnings ledger. Append-only: written once, by the handlers of
/// <see cref="SettlementPosted"/> and <see cref="SettlementReversed"/> in the save that raised them, and never updated or
/// deleted (the save pipeline refuses it and the database's triggers too); a mistake is undone by a reversal entry.
/// (settlement, line, kind) is unique, so a line is earned once and reversed once whatever runs twice.
/// </summary>
public sealed class EarningsEntry
{
    public const int DescriptionMaxLength = 120;

    private EarningsEntry() { }

    public long Id { get; private set; }
    public string PayeeId { get; private set; } = "";
    public long TicketId { get; private set; }
    public long SettlementId { get; private set; }
    public Settlement? Settlement { get; private set; }
    public int LineNumber { get; private set; }
    public EarningsKind Kind { get; private set; }
    public PricedItemKind ItemKind { get; private set; }
    public string ItemName { get; private set; } = "";
    public decimal Quantity { get; private set; }
    public decimal Amount { get; private set; }
    public decimal CustomerAmount { get; private set; }
    public DateTime PostedAt { get; private set; }

    /// <summary>The statement month (first day, China calendar) the entry counts in.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>
    /// Booked in a later month than the work's completion, because that month's statement was already confirmed (or the
    /// entry reverses an earlier month's work): shown on the statement as 调整 (adjustment).
    /// </summary>
    public bool IsAdjustment { get; private set; }

    /// <summary>The entries a posted or reversed settlement books: one per line, positive when earned, negative when reversed.</summary>
    public static IEnumerable<EarningsEntry> For(Settlement settlement, EarningsKind kind, DateOnly month, DateTime postedAt)
    {
        var sign = kind == EarningsKind.Earning ? 1 : -1;
        var completedIn = LedgerMonth.Of(settlement.CompletedAt);
        return settlement.Lines.Select(line => new EarningsEntry
        {
            PayeeId = settlement.PayeeId!,
            TicketId = settlement.TicketId,
            Settlement = settlement,
            LineNumber = line.Number,
            Kind = kind,
            ItemKind = line.Kind,
            ItemName = line.ItemName,
            Quantity = sign * line.Quantity,
            Amount = sign * line.Amount,
            CustomerAmount = sign * line.CustomerAmount,
            PostedAt = postedAt,
            Month = month,
            IsAdjustment = month != completedIn,
        });
    }
}
