using Microsoft.EntityFrameworkCore;
using Scrm.Data.Rollups;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;
using Scrm.Tests.Data.Settlements;
using Xunit;

namespace Scrm.Tests.Data.Rollups;

/// <summary>The rollups kept in the save pipeline, checked against SQL over the tickets and the ledger, and against a rebuild.</summary>
public sealed class RollupTests
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    // Written out by hand from the model (not from the rollup code): a ticket counts in the China day it was created.
    private const string TicketGroupBy = """
        SELECT date("CreatedAt", '+8 hours') AS Day, COALESCE("RegionId", 0) AS Region,
               COUNT(*), SUM("Status" IN ('New','Assigned','InProgress','OnHold')), SUM("Status" IN ('Resolved','Closed')),
               SUM("Status" = 'Cancelled'), SUM("Status" IN ('Resolved','Closed') AND "SlaBreachedAt" IS NULL),
               SUM("SlaBreachedAt" IS NOT NULL), SUM("Status" IN ('New','Assigned','InProgress','OnHold') AND "SlaBreachedAt" IS NOT NULL),
               SUM("FirstRespondedAt" IS NOT NULL), COALESCE(SUM((unixepoch("FirstRespondedAt") - unixepoch("CreatedAt")) / 60), 0),
               SUM("Status" IN ('Resolved','Closed') AND "SlaStoppedAt" IS NOT NULL),
               COALESCE(SUM(CASE WHEN "Status" IN ('Resolved','Closed') THEN (unixepoch("SlaStoppedAt") - unixepoch("CreatedAt")) / 60 END), 0),
               SUM("Status" IN ('Resolved','Closed') OR "ReopenCount" > 0), SUM("ReopenCount" > 0),
               SUM("Status" IN ('Resolved','Closed') AND "ReopenCount" = 0), SUM("Rating" IS NOT NULL), COALESCE(SUM("Rating"), 0)
        FROM "Tickets" GROUP BY 1, 2
        """;

    // Money counts on the China day the ledger booked it; a settlement counts once, on its first line.
    private const string RevenueGroupBy = """
        SELECT date(e."PostedAt", '+8 hours'), s."RegionId", CASE e."ItemKind" WHEN 'Part' THEN '#parts' ELSE l."ItemCategory" END, s."PartnerTypeId",
               SUM(e."CustomerAmount"), SUM(e."Amount"), SUM(CASE WHEN e."LineNumber" = 1 THEN (CASE e."Kind" WHEN 'Earning' THEN 1 ELSE -1 END) ELSE 0 END)
        FROM "EarningsEntries" e JOIN "Settlements" s ON s."Id" = e."SettlementId"
        JOIN "SettlementLines" l ON l."SettlementId" = s."Id" AND l."Number" = e."LineNumber"
        GROUP BY 1, 2, 3, 4
        """;

    private const string PayeeGroupBy = """
        SELECT date(e."PostedAt", '+8 hours'), s."RegionId", e."PayeeId",
               SUM(e."CustomerAmount"), SUM(e."Amount"), SUM(CASE WHEN e."LineNumber" = 1 THEN (CASE e."Kind" WHEN 'Earning' THEN 1 ELSE -1 END) ELSE 0 END)
        FROM "EarningsEntries" e JOIN "Settlements" s ON s."Id" = e."SettlementId"
        GROUP BY 1, 2, 3
        """;

    // The same money by China calendar month, keyed by the month's first day.
    private const string RevenueMonthGroupBy = """
        SELECT strftime('%Y-%m-01', e."PostedAt", '+8 hours'), s."RegionId", CASE e."ItemKind" WHEN 'Part' THEN '#parts' ELSE l."ItemCategory" END, s."PartnerTypeId",
               SUM(e."CustomerAmount"), SUM(e."Amount"), SUM(CASE WHEN e."LineNumber" = 1 THEN (CASE e."Kind" WHEN 'Earning' THEN 1 ELSE -1 END) ELSE 0 END)
        FROM "EarningsEntries" e JOIN "Settlements" s ON s."Id" = e."SettlementId"
        JOIN "SettlementLines" l ON l."SettlementId" = s."Id" AND l."Number" = e."LineNumber"
        GROUP BY 1, 2, 3, 4
        """;

    private const string PayeeMonthGroupBy = """
        SELECT strftime('%Y-%m-01', e."PostedAt", '+8 hours'), s."RegionId", e."PayeeId",
               SUM(e."CustomerAmount"), SUM(e."Amount"), SUM(CASE WHEN e."LineNumber" = 1 THEN (CASE e."Kind" WHEN 'Earning' THEN 1 ELSE -1 END) ELSE 0 END)
        FROM "EarningsEntries" e JOIN "Settlements" s ON s."Id" = e."SettlementId"
        GROUP BY 1, 2, 3
        """;

    private const string LoadGroupBy = """
        SELECT "AssigneeId", COUNT(*) FROM "Tickets"
        WHERE "AssigneeId" IS NOT NULL AND "Status" IN ('New','Assigned','InProgress','OnHold') GROUP BY 1
        """;

    [Fact]
    public async Task OnAGeneratedHistory_TheRollupsEqualSqlOverTicketsAndLedger_AndARebuildGivesTheSameRows()
    {
        await using var host = await SettlementHost.StartAsync();
        await RollupHistory.BuildAsync(host, days: 40, perDay: 60, seed: 7);

        var facts = await host.QueryAsync(async db => new
        {
            Tickets = await db.Tickets.CountAsync(Ct),
            Reversed = await db.Settlements.CountAsync(s => s.State == SettlementState.Reversed, Ct),
            Posted = await db.Settlements.CountAsync(s => s.State == SettlementState.Posted, Ct),
            Rated = await db.Tickets.CountAsync(t => t.Rating != null, Ct),
            Reopened = await db.Tickets.CountAsync(t => t.ReopenCount > 0, Ct),
            Breached = await db.Tickets.CountAsync(t => t.SlaBreachedAt != null, Ct),
            Cancelled = await db.Tickets.CountAsync(t => t.Status == TicketStatus.Cancelled, Ct),
        });
        Assert.True(facts.Tickets >= 2_400, $"{facts.Tickets} tickets");
        Assert.All(new[] { facts.Reversed, facts.Posted, facts.Rated, facts.Reopened, facts.Breached, facts.Cancelled }, n => Assert.True(n > 20, $"{facts}"));

        var incremental = await RollupsAsync(host);
        Assert.Equal(await SqlAsync(host, TicketGroupBy, measures: 16), incremental.Tickets);
        Assert.Equal(await SqlAsync(host, RevenueGroupBy, measures: 3), incremental.Revenue);
        Assert.Equal(await SqlAsync(host, PayeeGroupBy, measures: 3), incremental.Payees);
        Assert.Equal(await SqlAsync(host, RevenueMonthGroupBy, measures: 3), incremental.RevenueMonths);
        Assert.Equal(await SqlAsync(host, PayeeMonthGroupBy, measures: 3), incremental.PayeeMonths);
        Assert.True(incremental.RevenueMonths.Select(r => r[..10]).Distinct().Count() >= 3, "the history spans at least three months");
        Assert.Equal(await SqlAsync(host, LoadGroupBy, measures: 1), incremental.Loads);

        var rebuilt = await host.QueryAsync(db => RollupRebuild.RunAsync(db, TimeProvider.System, Ct));
        Assert.Equal(facts.Tickets, rebuilt.Tickets);
        var again = await RollupsAsync(host);
        Assert.Equal(incremental.Tickets, again.Tickets);
        Assert.Equal(incremental.Revenue, again.Revenue);
        Assert.Equal(incremental.Payees, again.Payees);
        Assert.Equal(incremental.RevenueMonths, again.RevenueMonths);
        Assert.Equal(incremental.PayeeMonths, again.PayeeMonths);
        Assert.Equal(incremental.Loads, again.Loads);
    }

    [Fact]
    public async Task ATicketCountsInTheChinaDayItWasCreated_AndMoneyInTheChinaDayItWasBooked()
    {
        // 2026-11-30 15:59 UTC is 23:59 on 11-30 in China; a minute later it is 12-01 there.
        await using var host = await SettlementHost.StartAsync(new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero));
        await host.PublishAsync((Scrm.Domain.Pricing.PricedItemKind.Service, "FR-REPAIR", "B", "自营", 80.50m, 120m));
        var (city, before) = await host.QueryAsync(async db =>
        {
            var id = await db.Regions.Where(r => r.Name == "杭州").Select(r => r.Id).SingleAsync(Ct);
            return (id, await db.TicketDayRollups.Where(r => r.RegionId == id).ToDictionaryAsync(r => r.Day, r => r.Created, Ct));
        });
        var late = await host.StartedRepairAsync("杭州", "tech2");
        await host.RecordAsync(late, "tech2", Scrm.Domain.Pricing.PricedItemKind.Service, "FR-REPAIR", 1);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.StartedRepairAsync("杭州", "tech2");
        await host.MoveAsync(late, TicketStatus.Resolved);

        var (created, revenue) = await host.QueryAsync(async db => (
            await db.TicketDayRollups.Where(r => r.RegionId == city).ToDictionaryAsync(r => r.Day, r => r.Created, Ct),
            await db.RevenueDayRollups.Where(r => r.RegionId == city).Select(r => new { r.Day, r.RevenueFen, r.CostFen, r.Settled }).ToListAsync(Ct)));
        Assert.Equal(before.GetValueOrDefault(new DateOnly(2026, 11, 30)) + 1, created[new DateOnly(2026, 11, 30)]);
        Assert.Equal(before.GetValueOrDefault(new DateOnly(2026, 12, 1)) + 1, created[new DateOnly(2026, 12, 1)]);
        var booked = Assert.Single(revenue);
        Assert.Equal(new DateOnly(2026, 12, 1), booked.Day);
        Assert.Equal(12_000, booked.RevenueFen);
        Assert.Equal(8_050, booked.CostFen);
        Assert.Equal(1, booked.Settled);
    }

    [Fact]
    public async Task TicketsCreatedAtTheSameMoment_AreAllCounted()
    {
        await using var host = await SettlementHost.StartAsync(new DateTimeOffset(2026, 12, 2, 2, 0, 0, TimeSpan.Zero));
        var city = await host.QueryAsync(db => db.Regions.Where(r => r.Name == "湖州").Select(r => r.Id).SingleAsync(Ct));
        var before = await host.QueryAsync(db => db.TicketDayRollups.Where(r => r.RegionId == city && r.Day == new DateOnly(2026, 12, 2)).Select(r => r.Created).SingleOrDefaultAsync(Ct));

        await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => host.StartedRepairAsync("湖州", "tech3"), Ct)));

        var after = await host.QueryAsync(db => db.TicketDayRollups.Where(r => r.RegionId == city && r.Day == new DateOnly(2026, 12, 2)).Select(r => r.Created).SingleAsync(Ct));
        Assert.Equal(before + 12, after);
    }

    private sealed record Rollups(List<string> Tickets, List<string> Revenue, List<string> Payees, List<string> RevenueMonths, List<string> PayeeMonths, List<string> Loads);

    /// <summary>The rollup tables as sorted text rows, rows whose sums are all zero left out (a ticket that moved on leaves one).</summary>
    private static Task<Rollups> RollupsAsync(SettlementHost host) => host.QueryAsync(async db => new Rollups(
        (await db.TicketDayRollups.ToListAsync(Ct)).Where(r => r.Created != 0)
            .Select(r => Row(r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RegionId, r.Created, r.Open, r.Finished, r.Cancelled, r.SlaMet, r.SlaBreached, r.OpenBreached,
                r.Responded, r.FirstResponseMinutes, r.Resolutions, r.ResolutionMinutes, r.EverResolved, r.Reopened, r.FirstTimeFixes, r.Ratings, r.RatingSum))
            .Order(StringComparer.Ordinal).ToList(),
        (await db.RevenueDayRollups.ToListAsync(Ct)).Where(r => r.RevenueFen != 0 || r.CostFen != 0 || r.Settled != 0)
            .Select(r => Row(r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RegionId, r.Category, r.PartnerTypeId, r.RevenueFen, r.CostFen, r.Settled))
            .Order(StringComparer.Ordinal).ToList(),
        (await db.PayeeDayRollups.ToListAsync(Ct)).Where(r => r.RevenueFen != 0 || r.CostFen != 0 || r.Settled != 0)
            .Select(r => Row(r.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RegionId, r.PayeeId, r.RevenueFen, r.CostFen, r.Settled))
            .Order(StringComparer.Ordinal).ToList(),
        (await db.RevenueMonthRollups.ToListAsync(Ct)).Where(r => r.RevenueFen != 0 || r.CostFen != 0 || r.Settled != 0)
            .Select(r => Row(r.Month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RegionId, r.Category, r.PartnerTypeId, r.RevenueFen, r.CostFen, r.Settled))
            .Order(StringComparer.Ordinal).ToList(),
        (await db.PayeeMonthRollups.ToListAsync(Ct)).Where(r => r.RevenueFen != 0 || r.CostFen != 0 || r.Settled != 0)
            .Select(r => Row(r.Month.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.RegionId, r.PayeeId, r.RevenueFen, r.CostFen, r.Settled))
            .Order(StringComparer.Ordinal).ToList(),
        (await db.AssigneeLoads.ToListAsync(Ct)).Where(r => r.OpenTickets != 0).Select(r => Row(r.UserId, r.OpenTickets)).Order(StringComparer.Ordinal).ToList()));

    /// <summary>The query's rows as sorted text, rows whose last <paramref name="measures"/> sums are all zero left out (money posted and reversed the same day).</summary>
    private static Task<List<string>> SqlAsync(SettlementHost host, string sql, int measures) => host.QueryAsync(async db =>
    {
        var rows = new List<string>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        await db.Database.OpenConnectionAsync(Ct);
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).ToList();
            if (values.TakeLast(measures).Any(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture) != 0))
            {
                rows.Add(Row([.. values]));
            }
        }

        return rows.Order(StringComparer.Ordinal).ToList();
    });

    private static string Row(params object[] values) => string.Join('|', values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
}
