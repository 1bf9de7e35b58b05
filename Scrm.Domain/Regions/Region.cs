using Scrm.Domain.Common;

namespace Scrm.Domain.Regions;

/// <summary>城市档位: settlement prices differ by city tier.</summary>
public enum PriceTier
{
    A,
    B,
    C,
}

/// <summary>区域: a province with its cities. Only cities carry a tier.</summary>
public sealed class Region : AggregateRoot
{
    public const int NameMaxLength = 50;

    private Region() { }

    private Region(string name, long? parentId, PriceTier? tier)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        ParentId = parentId;
        Tier = tier;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public long? ParentId { get; private set; }
    public PriceTier? Tier { get; private set; }

    public bool IsProvince => ParentId is null;

    public static Region Province(string name) => new(name, null, null);

    public static Region City(Region province, string name, PriceTier tier)
    {
        if (!province.IsProvince)
        {
            throw new DomainException("RegionParentNotProvince", "A city belongs to a province, not to another city.");
        }

        return new Region(name, province.Id, tier);
    }

    public void Update(string name, PriceTier? tier)
    {
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        if (IsProvince != (tier is null))
        {
            throw new DomainException("RegionTierInvalid", "Cities have a tier (A, B or C); provinces have none.") { Field = "Tier" };
        }

        Tier = tier;
    }
}
