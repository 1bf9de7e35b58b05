using Scrm.Domain.Common;
using Scrm.Domain.Pricing;

namespace Scrm.Domain.Settlements;

public enum SettlementState
{
    /// <summary>Waiting: something it needs is missing (a price, the city, the payee…); finance sees why in a queue.</summary>
    Held,

    /// <summary>Priced and booked to the payee's ledger.</summary>
    Posted,

    /// <summary>Posted, then undone by reversal entries (reopened, cancelled or refunded).</summary>
    Reversed,

    /// <summary>Held, then the ticket was reopened or cancelled before it was ever posted: nothing was booked.</summary>
    Withdrawn,
}

/// <summary>Why a settlement was undone.</summary>
public enum ReversalKind
{
    Reopened,
    Cancelled,
    Refunded,
}

/// <summary>
/// 结算: the pricing of one completion of a ticket. <see cref="Round"/> counts the completions (a reopened ticket completed
/// again is round 2), and (ticket, round) is unique in the database: the same completion can never be settled twice,
/// even by two saves at the same moment. Posting and reversing raise the events the ledger is written from.
/// </summary>
public sealed class Settlement : AggregateRoot
{
    public const int NoteMaxLength = 200;

    private readonly List<SettlementLine> _lines = [];
    private List<SettlementHold> _holds = [];

    private Settlement() { }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public int Round { get; private set; }

    /// <summary>When the ticket completed: prices, the city's tier and the payee's partner type are taken as of this moment.</summary>
    public DateTime CompletedAt { get; private set; }

    public SettlementState State { get; private set; }
    public string? PayeeId { get; private set; }
    public long? RegionId { get; private set; }
    public string? TierCode { get; private set; }
    public long? PartnerTypeId { get; private set; }
    public DateTime? PostedAt { get; private set; }
    public DateTime? ReversedAt { get; private set; }
    public ReversalKind? ReversalKind { get; private set; }
    public string? ReversalNote { get; private set; }
    public string? ReversedById { get; private set; }
    public IReadOnlyList<SettlementLine> Lines => _lines;
    public IReadOnlyList<SettlementHold> Holds => _holds;

    public decimal Total => _lines.Sum(l => l.Amount);
    public decimal CustomerTotal => _lines.Sum(l => l.CustomerAmount);

    /// <summary>A settlement for the ticket's <paramref name="round"/>-th completion, not yet priced.</summary>
    public static Settlement Open(long ticketId, int round, DateTime completedAt) =>
        new() { TicketId = ticketId, Round = round, CompletedAt = completedAt, State = SettlementState.Held };

    /// <summary>
    /// Prices the work: posts when everything is there, otherwise holds with every reason at once (never a price of zero
    /// for what is missing). A held settlement is priced again with the same call once the missing piece exists.
    /// </summary>
    public void Price(SettlementTerms terms, IReadOnlyList<WorkedItem> work, Func<PriceKey, PricedEntry?> lookup, DateTime now)
    {
        if (State != SettlementState.Held)
        {
            throw new DomainException("SettlementNotHeld", "This settlement has already been posted or undone.");
        }

        PayeeId = terms.PayeeId;
        RegionId = terms.RegionId;
        TierCode = terms.TierCode;
        PartnerTypeId = terms.PartnerTypeId;
        var holds = terms.Holds().ToList();
        var prices = new List<(WorkedItem Item, PricedEntry Price)>();
        if (work.Count == 0)
        {
            holds.Add(new SettlementHold(HoldReason.NoWork));
        }
        else if (holds.Count == 0)
        {
            foreach (var item in work)
            {
                var price = lookup(new PriceKey(item.Kind, item.ItemId, terms.TierCode!, terms.PartnerTypeId!.Value));
                if (price is null)
                {
                    holds.Add(new SettlementHold(HoldReason.NoPrice, item.Kind, item.ItemId, item.Name));
                }
                else
                {
                    prices.Add((item, price));
                }
            }
        }

        if (holds.Count > 0)
        {
            if (!holds.SequenceEqual(_holds))
            {
                _holds = holds;
                Raise(new SettlementHeld(this));
            }

            return;
        }

        _holds = [];
        for (var i = 0; i < prices.Count; i++)
        {
            _lines.Add(new SettlementLine(i + 1, prices[i].Item, prices[i].Price));
        }

        State = SettlementState.Posted;
        PostedAt = now;
        Raise(new SettlementPosted(this));
    }

    /// <summary>Undoes the settlement: a posted one gets reversal entries in the ledger, a held one is withdrawn (nothing was booked).</summary>
    public void Reverse(ReversalKind kind, string? note, string actorId, DateTime now)
    {
        if (State is SettlementState.Reversed or SettlementState.Withdrawn)
        {
            throw new DomainException("SettlementAlreadyReversed", "This settlement has already been undone.");
        }

        ReversalNote = Guard.OptionalText(note, nameof(ReversalNote), NoteMaxLength);
        ReversalKind = kind;
        ReversedById = actorId;
        ReversedAt = now;
        if (State == SettlementState.Posted)
        {
            State = SettlementState.Reversed;
            Raise(new SettlementReversed(this));
        }
        else
        {
            State = SettlementState.Withdrawn;
            Raise(new SettlementWithdrawn(this));
        }
    }
}

/// <summary>Who earns and where, as of the completion: the keys of the prices.</summary>
public sealed record SettlementTerms(string? PayeeId, long? RegionId, string? TierCode, long? PartnerTypeId)
{
    internal IEnumerable<SettlementHold> Holds()
    {
        if (PayeeId is null)
        {
            yield return new SettlementHold(HoldReason.NoPayee);
        }
        else if (PartnerTypeId is null)
        {
            yield return new SettlementHold(HoldReason.NoPartnerType);
        }

        if (RegionId is null)
        {
            yield return new SettlementHold(HoldReason.NoCity);
        }
        else if (TierCode is null)
        {
            yield return new SettlementHold(HoldReason.NoTier);
        }
    }
}

public enum HoldReason
{
    NoWork,
    NoPayee,
    NoPartnerType,
    NoCity,
    NoTier,
    NoPrice,
}

/// <summary>One reason a settlement waits; for a missing price, the item it is missing for.</summary>
public sealed record SettlementHold(HoldReason Reason, PricedItemKind? Kind = null, long? ItemId = null, string? ItemName = null);

public sealed record SettlementHeld(Settlement Settlement) : IDomainEvent;

public sealed record SettlementPosted(Settlement Settlement) : IDomainEvent;

public sealed record SettlementReversed(Settlement Settlement) : IDomainEvent;

public sealed record SettlementWithdrawn(Settlement Settlement) : IDomainEvent;
