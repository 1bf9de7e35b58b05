using Scrm.Web.Shared;

namespace Scrm.Web.Features.Regions;

/// <summary>The regions page's data: provinces with their cities, the tier list, and who may be appointed director.</summary>
public sealed record RegionTree(IReadOnlyList<RegionNode> Provinces, IReadOnlyList<Option<string>> Tiers, DateOnly Today)
{
    public IEnumerable<RegionNode> All => Provinces.Concat(Provinces.SelectMany(p => p.Cities));

    public RegionNode? Find(long id) => All.FirstOrDefault(r => r.Id == id);

    /// <summary>What people read for a tier: its name ("A 档"), with the code when the name does not show it ("一档 (A)").</summary>
    public string TierLabel(string? code) => Tiers.FirstOrDefault(t => t.Id == code) is { } tier ? Label(tier) : code ?? "";

    public static string Label(Option<string> tier) => tier.Name.Contains(tier.Id, StringComparison.Ordinal) ? tier.Name : $"{tier.Name} ({tier.Id})";
}

/// <summary>One province or city as the admin sees it.</summary>
/// <param name="Supervisors">Active supervisors whose regions include this region or its province (derived, never stored).</param>
/// <param name="DirectorCandidates">Active supervisors and admins who may direct this region: central, or covering it.</param>
public sealed record RegionNode(
    long Id,
    string Name,
    long? ParentId,
    string? ProvinceName,
    long Version,
    string? TierToday,
    IReadOnlyList<TierHistoryRow> TierHistory,
    string? DirectorId,
    string? DirectorName,
    IReadOnlyList<Option<string>> Supervisors,
    IReadOnlyList<Option<string>> DirectorCandidates,
    RegionUsage Usage,
    IReadOnlyList<RegionNode> Cities)
{
    public bool IsProvince => ParentId is null;
}

/// <summary>A tier the city had from <see cref="EffectiveFrom"/> (a China date) on; newest first on the page.</summary>
public sealed record TierHistoryRow(string TierCode, DateOnly EffectiveFrom);

/// <summary>What points at a region: it can only be deleted when all are zero.</summary>
public sealed record RegionUsage(int Tickets, int Customers, int Users)
{
    public bool IsEmpty => Tickets + Customers + Users == 0;
}

/// <summary>Input of the add-city dialog; the date defaults to today (China).</summary>
public sealed class AddCityRequest
{
    public long ProvinceId { get; set; }
    public string? Name { get; set; }
    public string? TierCode { get; set; }
    public DateTime? EffectiveFrom { get; set; }
}
