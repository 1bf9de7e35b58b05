using System.Globalization;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Tickets.Components;

namespace Scrm.Web.Features.Dashboards.Operations;

/// <summary>The addresses the operations dashboard links to: itself (period, province), its export, and the tickets behind a number.</summary>
public static class OperationsLinks
{
    public const string PagePath = "dashboards/operations";
    public const string ExportPath = "dashboards/operations/regions.xlsx";

    /// <summary>The spare parts list, filtered to the parts below their low-stock threshold (admins only).</summary>
    public const string LowStockParts = "admin/catalog/parts?low=true";

    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.OnHold];

    /// <summary>The query the page reads back to the same view: the period, then the province when one is chosen.</summary>
    public static string Query(DashboardPeriod period, long? provinceId) =>
        period.ToQuery() + (provinceId is { } id ? $"&province={id.ToString(CultureInfo.InvariantCulture)}" : "");

    public static string Page(DashboardPeriod period, long? provinceId) => $"{PagePath}?{Query(period, provinceId)}";

    public static string Export(DashboardPeriod period, long? provinceId) => $"{ExportPath}?{Query(period, provinceId)}";

    /// <summary>
    /// The ticket center listing <paramref name="set"/> in <paramref name="regionId"/> (a province takes in its cities; null:
    /// every region the viewer sees, which the ticket center applies itself).
    /// </summary>
    public static string Tickets(OperationsTicketSet set, long? regionId, DashboardPeriod period)
    {
        var inPeriod = set is OperationsTicketSet.CreatedInPeriod or OperationsTicketSet.BreachedInPeriod;
        var filter = new TicketFilter
        {
            Statuses = set is OperationsTicketSet.Open or OperationsTicketSet.OpenBreached ? OpenStatuses.ToHashSet() : new HashSet<TicketStatus>(),
            RegionId = regionId,
            From = inPeriod ? period.From : null,
            To = inPeriod ? period.To : null,
            SlaBreached = set is OperationsTicketSet.OpenBreached or OperationsTicketSet.BreachedInPeriod,
        };
        var parts = filter.ToUrlParameters()
            .SelectMany(p => p.Value switch
            {
                null => [],
                string[] values => values.Select(v => (p.Key, Value: v)),
                var value => [(p.Key, Value: Convert.ToString(value, CultureInfo.InvariantCulture)!)],
            })
            .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}");
        return "tickets?" + string.Join("&", parts);
    }
}
