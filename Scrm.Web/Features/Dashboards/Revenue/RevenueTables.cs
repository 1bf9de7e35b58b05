using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Dashboards.Revenue;

/// <summary>The revenue dashboard's tables, built once for the page and for its .xlsx exports.</summary>
public static class RevenueTables
{
    /// <summary>Provinces, or a province's cities, biggest revenue first as the reader orders them.</summary>
    public static DashboardTable Regions(IReadOnlyList<RegionRevenue> rows, IStringLocalizer<SharedResource> l) => new(
        l["RevenueDashboard.ByRegion"],
        [new(l["RevenueDashboard.Region"], DashboardColumnKind.Text), .. MoneyColumns(l), new(l["RevenueDashboard.MarginRate"], DashboardColumnKind.Rate)],
        [.. rows.Select(r => Row([r.Name], r.Totals, MarginRate(r.Totals)))]);

    public static DashboardTable Categories(IReadOnlyList<CategoryRevenue> rows, IStringLocalizer<SharedResource> l) => new(
        l["RevenueDashboard.ByCategory"],
        [new(l["RevenueDashboard.Category"], DashboardColumnKind.Text), new(l["RevenueDashboard.PartnerType"], DashboardColumnKind.Text), .. MoneyColumns(l)],
        [.. rows.Select(r => Row([CategoryName(r.Category, l), r.PartnerType], r.Totals))]);

    public static DashboardTable Technicians(IReadOnlyList<TechnicianRevenue> rows, IStringLocalizer<SharedResource> l) => new(
        l["RevenueDashboard.TopTechnicians"],
        [new(l["RevenueDashboard.Rank"], DashboardColumnKind.Count), new(l["RevenueDashboard.Technician"], DashboardColumnKind.Text), .. MoneyColumns(l)],
        [.. rows.Select((r, i) => Row([i + 1, r.Name], r.Totals))]);

    public static DashboardTable Daily(IReadOnlyList<DayRevenue> rows, IStringLocalizer<SharedResource> l) => new(
        l["RevenueDashboard.Daily"],
        [new(l["RevenueDashboard.Day"], DashboardColumnKind.Text), .. MoneyColumns(l)],
        [.. rows.Select(r => Row([r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], r.Totals))]);

    /// <summary>A city's settled tickets (the drill-down's last level), booked time in China time.</summary>
    public static DashboardTable Tickets(IReadOnlyList<SettledTicketRow> rows, IStringLocalizer<SharedResource> l) => new(
        l["RevenueDashboard.SettledTickets"],
        [
            new(l["RevenueDashboard.TicketNumber"], DashboardColumnKind.Text), new(l["RevenueDashboard.TicketTitle"], DashboardColumnKind.Text),
            new(l["RevenueDashboard.Payee"], DashboardColumnKind.Text), new(l["RevenueDashboard.BookedAt"], DashboardColumnKind.Text),
            new(l["RevenueDashboard.Revenue"], DashboardColumnKind.Money), new(l["RevenueDashboard.Cost"], DashboardColumnKind.Money),
            new(l["RevenueDashboard.Margin"], DashboardColumnKind.Money),
        ],
        [.. rows.Select(r => (IReadOnlyList<object?>)[r.Number, r.Title, r.PayeeName, ChinaTime.Format(r.BookedAt), r.Totals.Revenue, r.Totals.Cost, r.Totals.Margin])]);

    /// <summary>A service category as people read it: the parts key becomes 备件 / Parts.</summary>
    public static string CategoryName(string category, IStringLocalizer<SharedResource> l) =>
        category == RevenueDashboard.PartsCategory ? l["RevenueDashboard.PartsCategory"] : category;

    private static DashboardColumn[] MoneyColumns(IStringLocalizer<SharedResource> l) =>
    [
        new(l["RevenueDashboard.Revenue"], DashboardColumnKind.Money), new(l["RevenueDashboard.Cost"], DashboardColumnKind.Money),
        new(l["RevenueDashboard.Margin"], DashboardColumnKind.Money), new(l["RevenueDashboard.Settled"], DashboardColumnKind.Count),
    ];

    private static IReadOnlyList<object?> Row(object?[] leading, MoneyTotals totals, params object?[] trailing) =>
        [.. leading, totals.Revenue, totals.Cost, totals.Margin, totals.Settled, .. trailing];

    // A margin rate needs revenue to divide by: a period of reversals only has none to show.
    private static decimal? MarginRate(MoneyTotals totals) => totals.Revenue == 0 ? null : totals.Margin / totals.Revenue;
}
