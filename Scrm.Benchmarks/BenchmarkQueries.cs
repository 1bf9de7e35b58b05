using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets;

namespace Scrm.Benchmarks;

/// <summary>The ticket-center queries the benchmarks run, page 1 (20 rows, newest change first).</summary>
public sealed record BenchmarkQueries(TicketQuery StatusAndSearch, TicketQuery BroadStatusAndSearch, TicketQuery NoFilter, TicketQuery RegionUrgencyAndSearch)
{
    /// <summary>Appears in about 30% of titles and in a few customer names.</summary>
    public const string SearchTerm = "空调";

    public static async Task<BenchmarkQueries> LoadAsync(ScrmDbContext db)
    {
        // A province: the query takes in its cities, the harder of the two region filters.
        var zhejiang = await db.Regions.Where(r => r.Name == "浙江省").Select(r => r.Id).SingleAsync();
        return new BenchmarkQueries(
            // In progress is about 4% of the tickets; closed, the bulk of a half-year history, about 64%.
            new TicketQuery { Statuses = [TicketStatus.InProgress], Search = SearchTerm },
            new TicketQuery { Statuses = [TicketStatus.Closed], Search = SearchTerm },
            new TicketQuery(),
            new TicketQuery { RegionId = zhejiang, Urgencies = [Urgency.Urgent, Urgency.High], Search = SearchTerm });
    }

    public IEnumerable<(string Name, TicketQuery Query)> All =>
        [(nameof(StatusAndSearch), StatusAndSearch), (nameof(BroadStatusAndSearch), BroadStatusAndSearch), (nameof(NoFilter), NoFilter), (nameof(RegionUrgencyAndSearch), RegionUrgencyAndSearch)];
}
