namespace Scrm.Domain.Regions;

/// <summary>From <see cref="EffectiveFrom"/> (a China date, from its midnight) the city is priced in tier <see cref="TierCode"/>.</summary>
public sealed class CityTierChange
{
    private CityTierChange() { }

    internal CityTierChange(string tierCode, DateOnly effectiveFrom)
    {
        TierCode = tierCode;
        EffectiveFrom = effectiveFrom;
    }

    public long Id { get; private set; }
    public long RegionId { get; private set; }
    public string TierCode { get; private set; } = "";
    public DateOnly EffectiveFrom { get; private set; }
}
