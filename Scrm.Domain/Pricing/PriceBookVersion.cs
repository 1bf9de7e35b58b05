using Scrm.Domain.Common;

namespace Scrm.Domain.Pricing;

/// <summary>Where a price book version is: drafted, then published by a second person or rejected.</summary>
public enum PriceBookState
{
    Draft,
    Published,
    Rejected,
}

/// <summary>
/// 价格表: one version of the company's settlement prices, in force from a China date (its midnight, UTC+8) until the next
/// published version's. A change is a draft; publishing needs a second person (maker-checker): whoever drafted it cannot
/// approve it. A published version never changes, so a settlement can always be re-priced the way it was.
/// </summary>
public sealed class PriceBookVersion : AggregateRoot
{
    public const int ReasonMaxLength = 200;

    private readonly List<PriceEntry> _entries = [];

    private PriceBookVersion() { }

    public long Id { get; private set; }

    /// <summary>1, 2, 3… in the order drafted.</summary>
    public int Number { get; private set; }

    public DateOnly EffectiveFrom { get; private set; }
    public PriceBookState State { get; private set; }
    public string DraftedById { get; private set; } = "";
    public DateTime DraftedAt { get; private set; }
    public string? ReviewedById { get; private set; }
    public DateTime? ReviewedAt { get; private set; }
    public string? RejectReason { get; private set; }
    public IReadOnlyList<PriceEntry> Entries => _entries;

    /// <summary>A new draft, starting from <paramref name="basedOn"/>'s prices (the version in force) or empty.</summary>
    public static PriceBookVersion Draft(int number, DateOnly effectiveFrom, PriceBookVersion? basedOn, string draftedById, TimeProvider time)
    {
        var version = new PriceBookVersion
        {
            Number = number,
            EffectiveFrom = effectiveFrom,
            State = PriceBookState.Draft,
            DraftedById = draftedById,
            DraftedAt = time.GetUtcNow().UtcDateTime,
        };
        foreach (var entry in basedOn?.Entries ?? [])
        {
            version._entries.Add(new PriceEntry(entry.Key, entry.SettlementPrice, entry.CustomerPrice));
        }

        version.Raise(new PriceBookDrafted(version));
        return version;
    }

    /// <summary>Sets (adds or replaces) the price of one key in the draft.</summary>
    public void SetPrice(PriceKey key, decimal settlementPrice, decimal customerPrice)
    {
        EnsureDraft();
        var existing = Find(key);
        if (existing is null)
        {
            _entries.Add(new PriceEntry(key, settlementPrice, customerPrice));
        }
        else
        {
            existing.SetPrices(settlementPrice, customerPrice);
        }

        Raise(new PriceBookDraftChanged(this));
    }

    public void RemovePrice(PriceKey key)
    {
        EnsureDraft();
        if (Find(key) is { } existing)
        {
            _entries.Remove(existing);
            Raise(new PriceBookDraftChanged(this));
        }
    }

    public void MoveEffectiveDate(DateOnly effectiveFrom)
    {
        EnsureDraft();
        EffectiveFrom = effectiveFrom;
        Raise(new PriceBookDraftChanged(this));
    }

    /// <summary>
    /// Publishes the draft. Refused when the approver drafted it, when it would take effect before today (China date:
    /// settlements already posted were priced by the book then in force), and when it does not come after every
    /// published version (two versions in force on one day would make a price ambiguous).
    /// </summary>
    public void Approve(string approverId, IEnumerable<DateOnly> publishedFrom, TimeProvider time)
    {
        EnsureDraft();
        if (approverId == DraftedById)
        {
            throw new DomainException("ApproveOwnDraft", "Whoever drafted a price change cannot approve it: ask another admin.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var today = EffectiveDates.ChinaDate(now);
        if (EffectiveFrom < today)
        {
            throw new DomainException("PriceEffectiveInPast", $"The effective date {EffectiveFrom:yyyy-MM-dd} has passed: choose today or later.",
                EffectiveFrom.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) { Field = nameof(EffectiveFrom) };
        }

        EffectiveDates.EnsureAfter(publishedFrom.ToList(), d => d, EffectiveFrom, nameof(EffectiveFrom));
        if (_entries.Count == 0)
        {
            throw new DomainException("PriceBookEmpty", "A price book without prices cannot be published.");
        }

        State = PriceBookState.Published;
        ReviewedById = approverId;
        ReviewedAt = now;
        Raise(new PriceBookPublished(this));
    }

    /// <summary>Turns the draft down with a reason the drafter reads.</summary>
    public void Reject(string reviewerId, string? reason, TimeProvider time)
    {
        EnsureDraft();
        RejectReason = Guard.RequiredText(reason, "Reason", ReasonMaxLength);
        State = PriceBookState.Rejected;
        ReviewedById = reviewerId;
        ReviewedAt = time.GetUtcNow().UtcDateTime;
        Raise(new PriceBookRejected(this));
    }

    public PriceEntry? Find(PriceKey key)
    {
        var tier = Regions.PriceTier.NormalizeCode(key.TierCode);
        return _entries.Find(e => e.Kind == key.Kind && e.ItemId == key.ItemId && e.TierCode == tier && e.PartnerTypeId == key.PartnerTypeId);
    }

    private void EnsureDraft()
    {
        if (State != PriceBookState.Draft)
        {
            throw new DomainException("PriceBookNotDraft", $"Version {Number} is {State.ToString().ToLowerInvariant()}: changes go in a new draft.", Number);
        }
    }
}

public sealed record PriceBookDrafted(PriceBookVersion Version) : IDomainEvent;

public sealed record PriceBookDraftChanged(PriceBookVersion Version) : IDomainEvent;

public sealed record PriceBookPublished(PriceBookVersion Version) : IDomainEvent;

public sealed record PriceBookRejected(PriceBookVersion Version) : IDomainEvent;
