using System.Globalization;
using Scrm.Domain.Tickets;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets.Components;

/// <summary>The ticket center's filter bar state, and its round trip through the URL.</summary>
public sealed record TicketFilter
{
    /// <summary>The value of <c>sla</c> in the URL that keeps only breached tickets; any other value is ignored.</summary>
    public const string BreachedUrlValue = "breached";

    public string? Search { get; init; }
    public IReadOnlySet<TicketStatus> Statuses { get; init; } = new HashSet<TicketStatus>();
    public IReadOnlySet<Urgency> Urgencies { get; init; } = new HashSet<Urgency>();
    public long? RegionId { get; init; }
    public string? AssigneeId { get; init; }
    public long? TemplateId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>Only tickets whose SLA was breached (<c>sla=breached</c>): the dashboards link here for their breach numbers.</summary>
    public bool SlaBreached { get; init; }

    public bool IsEmpty => this == new TicketFilter();

    public TicketQuery ToQuery() => new()
    {
        Search = Search,
        Statuses = Statuses,
        Urgencies = Urgencies,
        RegionId = RegionId,
        AssigneeId = AssigneeId,
        TemplateId = TemplateId,
        CreatedFrom = From,
        CreatedTo = To,
        SlaBreached = SlaBreached,
    };

    public Dictionary<string, object?> ToUrlParameters() => new()
    {
        ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
        ["status"] = Statuses.Count == 0 ? null : Statuses.Order().Select(s => s.ToString()).ToArray(),
        ["urgency"] = Urgencies.Count == 0 ? null : Urgencies.Order().Select(u => u.ToString()).ToArray(),
        ["region"] = RegionId,
        ["assignee"] = AssigneeId,
        ["template"] = TemplateId,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["sla"] = SlaBreached ? BreachedUrlValue : null,
    };

    /// <summary>Reads the URL leniently: a hand-edited value that makes no sense is ignored, not an error page.</summary>
    public static TicketFilter FromUrl(string? search, string[]? statuses, string[]? urgencies, string? regionId, string? assigneeId,
        string? templateId, string? from, string? to, string? sla = null) => new()
    {
        Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
        Statuses = Parse<TicketStatus>(statuses),
        Urgencies = Parse<Urgency>(urgencies),
        RegionId = UrlValues.ParseId(regionId),
        AssigneeId = string.IsNullOrWhiteSpace(assigneeId) ? null : assigneeId,
        TemplateId = UrlValues.ParseId(templateId),
        From = ParseDate(from),
        To = ParseDate(to),
        SlaBreached = sla == BreachedUrlValue,
    };

    public bool Equals(TicketFilter? other) =>
        other is not null && Search == other.Search && Statuses.SetEquals(other.Statuses) && Urgencies.SetEquals(other.Urgencies)
        && RegionId == other.RegionId && AssigneeId == other.AssigneeId && TemplateId == other.TemplateId && From == other.From && To == other.To
        && SlaBreached == other.SlaBreached;

    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(Search, Statuses.Count, Urgencies.Count, RegionId, AssigneeId, TemplateId, From, To), SlaBreached);

    /// <summary>Only names count: "1" or "New,Closed" would otherwise parse as some member.</summary>
    private static HashSet<T> Parse<T>(string[]? values) where T : struct, Enum =>
        (values ?? []).Select(v => Enum.GetNames<T>().Contains(v, StringComparer.Ordinal) ? Enum.Parse<T>(v) : (T?)null)
            .OfType<T>().ToHashSet();

    /// <summary>The first and last representable days are left out: turning them into a UTC range would overflow.</summary>
    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        && date > DateOnly.MinValue && date < DateOnly.MaxValue ? date : null;
}
