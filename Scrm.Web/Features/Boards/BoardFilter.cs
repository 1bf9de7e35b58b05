using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards;

/// <summary>How a board splits its columns into rows.</summary>
public enum BoardLanes
{
    None,
    Assignee,
    Urgency,
}

/// <summary>A board's filters and swimlanes, and their round trip through the URL (so a view can be shared).</summary>
public sealed record BoardFilter
{
    /// <summary>Tickets the user is on: assigned to them or created by them.</summary>
    public bool Mine { get; init; }

    /// <summary>Tickets in the user's own regions (a central user has no team limit).</summary>
    public bool Team { get; init; }

    public long? RegionId { get; init; }
    public IReadOnlySet<Urgency> Urgencies { get; init; } = new HashSet<Urgency>();
    public IReadOnlySet<SlaBand> Bands { get; init; } = new HashSet<SlaBand>();
    public string? AssigneeId { get; init; }
    public long? CustomerId { get; init; }
    public string? Search { get; init; }
    public BoardLanes Lanes { get; init; }

    public bool IsEmpty => this with { Lanes = BoardLanes.None } == new BoardFilter();

    public Dictionary<string, object?> ToUrlParameters() => new()
    {
        ["mine"] = Mine ? "1" : null,
        ["team"] = Team ? "1" : null,
        ["region"] = RegionId,
        ["urgency"] = Urgencies.Count == 0 ? null : Urgencies.Order().Select(u => u.ToString()).ToArray(),
        ["sla"] = Bands.Count == 0 ? null : Bands.Order().Select(b => b.ToString()).ToArray(),
        ["assignee"] = AssigneeId,
        ["customer"] = CustomerId,
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["lanes"] = Lanes == BoardLanes.None ? null : Lanes.ToString(),
    };

    /// <summary>Reads the URL leniently: a hand-edited value that makes no sense is ignored, never an error page.</summary>
    public static BoardFilter FromUrl(string? mine, string? team, string? region, string[]? urgencies, string[]? bands, string? assignee,
        string? customer, string? search, string? lanes) => new()
    {
        Mine = mine == "1",
        Team = team == "1",
        RegionId = UrlValues.ParseId(region),
        Urgencies = Parse<Urgency>(urgencies),
        Bands = Parse<SlaBand>(bands),
        AssigneeId = string.IsNullOrWhiteSpace(assignee) || assignee.Length > 450 ? null : assignee,
        CustomerId = UrlValues.ParseId(customer),
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Lanes = Parse<BoardLanes>([lanes ?? ""]).FirstOrDefault(),
    };

    public bool Equals(BoardFilter? other) =>
        other is not null && Mine == other.Mine && Team == other.Team && RegionId == other.RegionId && Urgencies.SetEquals(other.Urgencies)
        && Bands.SetEquals(other.Bands) && AssigneeId == other.AssigneeId && CustomerId == other.CustomerId && Search == other.Search
        && Lanes == other.Lanes;

    public override int GetHashCode() => HashCode.Combine(Mine, Team, RegionId, Urgencies.Count, Bands.Count, AssigneeId, CustomerId, Search);

    // Only names count: "1" would otherwise parse as some member.
    private static HashSet<T> Parse<T>(string[]? values) where T : struct, Enum =>
        (values ?? []).Where(v => Enum.GetNames<T>().Contains(v, StringComparer.Ordinal)).Select(Enum.Parse<T>).ToHashSet();
}
