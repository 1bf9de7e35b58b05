using System.Text.Json;
using System.Text.Json.Serialization;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Features.Tickets.Components;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// The ticket center's filter as an export job stores it: its own small JSON shape, read strictly, so a job whose
/// stored filter was damaged fails with a message instead of exporting more than was asked for.
/// </summary>
public sealed record StoredTicketFilter(
    string? Search, IReadOnlyList<TicketStatus> Statuses, IReadOnlyList<Urgency> Urgencies, long? RegionId, string? AssigneeId,
    long? TemplateId, DateOnly? From, DateOnly? To, bool SlaBreached = false)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Write(TicketFilter filter) => JsonSerializer.Serialize(
        new StoredTicketFilter(filter.Search, [.. filter.Statuses.Order()], [.. filter.Urgencies.Order()], filter.RegionId, filter.AssigneeId,
            filter.TemplateId, filter.From, filter.To, filter.SlaBreached), Options);

    /// <summary>The query the stored filter stands for, or null when it cannot be read.</summary>
    public static TicketQuery? Read(string json)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<StoredTicketFilter>(json, Options);
            if (stored is null || stored.Statuses.Any(s => !Enum.IsDefined(s)) || stored.Urgencies.Any(u => !Enum.IsDefined(u)))
            {
                return null;
            }

            return new TicketQuery
            {
                Search = stored.Search,
                Statuses = stored.Statuses,
                Urgencies = stored.Urgencies,
                RegionId = stored.RegionId,
                AssigneeId = stored.AssigneeId,
                TemplateId = stored.TemplateId,
                CreatedFrom = stored.From,
                CreatedTo = stored.To,
                SlaBreached = stored.SlaBreached,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
