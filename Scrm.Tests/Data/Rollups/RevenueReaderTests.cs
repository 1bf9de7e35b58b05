using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Scrm.Data;
using Scrm.Tests.Data.Settlements;
using Scrm.Web.Features.Dashboards;
using Xunit;

namespace Scrm.Tests.Data.Rollups;

/// <summary>
/// The revenue dashboard's numbers, read from the day and month rollups, against SQL over the ledger for periods that
/// cut months every way the reader splits them: whole months, a few days, most of a month, across a year's end.
/// </summary>
public sealed class RevenueReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A settlement counts once, on its first line; a reversal takes it back.
    private const string Settled = """SUM(CASE WHEN e."LineNumber" = 1 THEN (CASE e."Kind" WHEN 'Earning' THEN 1 ELSE -1 END) ELSE 0 END)""";
    private const string InPeriod = """date(e."PostedAt", '+8 hours') BETWEEN $from AND $to""";

    private static readonly string TotalsSql = $"""
        SELECT COALESCE(SUM(e."CustomerAmount"), 0), COALESCE(SUM(e."Amount"), 0), COALESCE({Settled}, 0)
        FROM "EarningsEntries" e WHERE {InPeriod}
        """;

    private static readonly string TopSql = $"""
        SELECT e."PayeeId", SUM(e."CustomerAmount"), SUM(e."Amount"), {Settled}
        FROM "EarningsEntries" e WHERE {InPeriod}
        GROUP BY 1 HAVING SUM(e."CustomerAmount") <> 0 OR SUM(e."Amount") <> 0 OR {Settled} <> 0
        ORDER BY 2 DESC, 1 LIMIT 10
        """;

    private static readonly string CategorySql = $"""
        SELECT CASE e."ItemKind" WHEN 'Part' THEN '#parts' ELSE l."ItemCategory" END, COALESCE(p."Name", ''), SUM(e."CustomerAmount"), SUM(e."Amount"), {Settled}
        FROM "EarningsEntries" e JOIN "Settlements" s ON s."Id" = e."SettlementId"
        JOIN "SettlementLines" l ON l."SettlementId" = s."Id" AND l."Number" = e."LineNumber"
        LEFT JOIN "PartnerTypes" p ON p."Id" = s."PartnerTypeId"
        WHERE {InPeriod}
        GROUP BY 1, 2 HAVING SUM(e."CustomerAmount") <> 0 OR SUM(e."Amount") <> 0 OR {Settled} <> 0
        """;

    private static readonly string CitySql = $"""
        SELECT r."Name", COALESCE(SUM(e."CustomerAmount"), 0), COALESCE(SUM(e."Amount"), 0), COALESCE({Settled}, 0)
        FROM "Regions" r LEFT JOIN "Settlements" s ON s."RegionId" = r."Id"
        LEFT JOIN "EarningsEntries" e ON e."SettlementId" = s."Id" AND {InPeriod}
        WHERE r."ParentId" = (SELECT "Id" FROM "Regions" WHERE "Name" = '浙江省')
        GROUP BY r."Id", r."Name"
        """;

    [Fact]
    public async Task ForPeriodsThatCutMonthsEveryWay_TheReaderEqualsSqlOverTheLedger()
    {
        await using var host = await SettlementHost.StartAsync();
        await RollupHistory.BuildAsync(host, days: 45, perDay: 30, seed: 11);
        var reader = new RevenueDashboardReader(host.Host.Services.GetRequiredService<IDbContextFactory<ScrmDbContext>>(), new DashboardReadCache(new Scrm.Data.Changes.InProcessChangeFeed()));
        var admin = await host.ActorAsync("admin");
        var zhejiang = await host.QueryAsync(db => db.Regions.Where(r => r.Name == "浙江省").Select(r => r.Id).SingleAsync(Ct));

        (DateOnly, DateOnly)[] periods =
        [
            (new(2026, 12, 1), new(2026, 12, 31)),  // one whole month
            (new(2026, 11, 20), new(2027, 1, 10)),  // days, a month, days, across the year's end
            (new(2026, 11, 28), new(2026, 12, 29)), // days, then a month minus its last two days
            (new(2026, 12, 10), new(2026, 12, 25)), // a month minus both ends
            (new(2026, 12, 3), new(2026, 12, 9)),   // a week of days
            (new(2026, 10, 1), new(2026, 11, 30)),  // the demo's months
        ];
        foreach (var (from, to) in periods)
        {
            var period = new DashboardPeriod(PeriodPreset.Custom, from, to);
            var dashboard = await reader.ReadAsync(admin, period, RegionFilter.All, Ct);

            var totals = Assert.Single(await SqlAsync(host, TotalsSql, from, to));
            Assert.NotEqual("0|0|0", totals);
            Assert.Equal(totals, Row(dashboard.Revenue.Value, dashboard.Cost.Value, dashboard.Settled.Value));
            var previous = Assert.Single(await SqlAsync(host, TotalsSql, period.Previous.From, period.Previous.To));
            Assert.Equal(previous, Row(dashboard.Revenue.Previous!.Value, dashboard.Cost.Previous!.Value, dashboard.Settled.Previous!.Value));
            Assert.Equal(await SqlAsync(host, TopSql, from, to),
                dashboard.TopTechnicians.Select(t => $"{t.UserId}|{Row(t.Totals.Revenue, t.Totals.Cost, t.Totals.Settled)}").ToList());
            Assert.Equal((await SqlAsync(host, CategorySql, from, to)).Order(StringComparer.Ordinal),
                dashboard.ByCategory.Select(c => $"{c.Category}|{c.PartnerType}|{Row(c.Totals.Revenue, c.Totals.Cost, c.Totals.Settled)}").Order(StringComparer.Ordinal));

            var cities = await reader.ReadAsync(admin, period, new RegionFilter(zhejiang, null), Ct);
            Assert.Equal((await SqlAsync(host, CitySql, from, to)).Order(StringComparer.Ordinal),
                cities.ByRegion.Select(c => $"{c.Name}|{Row(c.Totals.Revenue, c.Totals.Cost, c.Totals.Settled)}").Order(StringComparer.Ordinal));
        }
    }

    /// <summary>Money as whole fen, so the reader's yuan and the ledger's fen compare as the same text.</summary>
    private static string Row(decimal revenue, decimal cost, decimal settled) =>
        string.Join('|', (revenue * 100).ToString("0", CultureInfo.InvariantCulture), (cost * 100).ToString("0", CultureInfo.InvariantCulture),
            settled.ToString("0", CultureInfo.InvariantCulture));

    private static Task<List<string>> SqlAsync(SettlementHost host, string sql, DateOnly from, DateOnly to) => host.QueryAsync(async db =>
    {
        var rows = new List<string>();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        await db.Database.OpenConnectionAsync(Ct);
        command.CommandText = sql;
        foreach (var (name, value) in new[] { ("$from", from), ("$to", to) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        await using var result = await command.ExecuteReaderAsync(Ct);
        while (await result.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, result.FieldCount).Select(i => Convert.ToString(result.GetValue(i), CultureInfo.InvariantCulture))));
        }

        return rows;
    });
}
