using Scrm.Domain.Common;

namespace Scrm.Domain.Regions;

/// <summary>区域: a province with its cities. Only cities carry a tier, with its history.</summary>
public sealed class Region : AggregateRoot
{
    public const int NameMaxLength = 50;

    private readonly List<CityTierChange> _tierHistory = [];

    private Region() { }

    private Region(string name, long? parentId)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        ParentId = parentId;
        Raise(new RegionChanged(this));
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public long? ParentId { get; private set; }

    /// <summary>The regional director (区域总监): the last step of this region's escalation chains.</summary>
    public string? DirectorId { get; private set; }

    /// <summary>Merged into another region or deleted: kept for history, offered nowhere.</summary>
    public bool IsRetired { get; private set; }

    /// <summary>The city's tiers over time, oldest first; empty for a province.</summary>
    public IReadOnlyCollection<CityTierChange> TierHistory => _tierHistory;

    public bool IsProvince => ParentId is null;

    public static Region Province(string name) => new(name, null);

    public static Region City(Region province, string name, PriceTier tier, DateOnly effectiveFrom)
    {
        EnsureProvince(province);
        var city = new Region(name, province.Id);
        city._tierHistory.Add(new CityTierChange(tier.Code, effectiveFrom));
        return city;
    }

    /// <summary>The tier code in force on a China date; null for a province or before the city's first tier.</summary>
    public string? TierOn(DateOnly date) => EffectiveDates.AsOf(_tierHistory, c => c.EffectiveFrom, date)?.TierCode;

    /// <summary>The tier in force at a moment (UTC): the China date of that moment decides.</summary>
    public string? TierAt(DateTime utc) => TierOn(EffectiveDates.ChinaDate(utc));

    public void Rename(string name)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Raise(new RegionChanged(this));
    }

    /// <summary>From <paramref name="effectiveFrom"/> the city is priced in <paramref name="tier"/>; earlier dates keep their tier.</summary>
    public void ChangeTier(PriceTier tier, DateOnly effectiveFrom)
    {
        if (IsProvince)
        {
            throw new DomainException("RegionTierInvalid", "Cities have a tier; provinces have none.") { Field = "Tier" };
        }

        EffectiveDates.EnsureAfter(_tierHistory, c => c.EffectiveFrom, effectiveFrom, "EffectiveFrom");
        _tierHistory.Add(new CityTierChange(tier.Code, effectiveFrom));
        Raise(new RegionChanged(this));
    }

    /// <summary>Moves a city to another province.</summary>
    public void MoveTo(Region province)
    {
        if (IsProvince)
        {
            throw new DomainException("RegionMoveProvince", "Only a city can move to another province.");
        }

        EnsureProvince(province);
        ParentId = province.Id;
        Raise(new RegionChanged(this));
    }

    public void AppointDirector(string? userId)
    {
        DirectorId = string.IsNullOrWhiteSpace(userId) ? null : userId;
        Raise(new RegionChanged(this));
    }

    /// <summary>Takes the region out of use. The caller has checked that nothing points at it any more.</summary>
    public void Retire()
    {
        IsRetired = true;
        Raise(new RegionChanged(this));
    }

    private static void EnsureProvince(Region province)
    {
        if (!province.IsProvince || province.IsRetired)
        {
            throw new DomainException("RegionParentNotProvince", "A city belongs to a province, not to another city.") { Field = "ParentId" };
        }
    }
}

/// <summary>A region was added, renamed, moved, retired, re-tiered or given a director.</summary>
public sealed record RegionChanged(Region Region) : IDomainEvent;
