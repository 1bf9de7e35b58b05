using Microsoft.Data.Sqlite;

namespace Scrm.Benchmarks.Dashboards;

/// <summary>
/// The dashboards' numbers for a period, two ways, in plain SQL: GROUP BY over the ticket and ledger tables (what a
/// dashboard would do without rollups), and the same sums over the rollup tables. Each returns a small fingerprint of
/// what it read, so the run can check both agree. Periods are China days as UTC bounds.
/// </summary>
internal static class NaiveDashboards
{
    // Revenue: totals, the period before (KPI change), per China day, per region, per category × partner type, top payees.
    private const string LedgerRevenue = """
        SELECT SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries WHERE PostedAt >= $from AND PostedAt < $to;
        SELECT SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries WHERE PostedAt >= $prevFrom AND PostedAt < $from;
        SELECT date(PostedAt, '+8 hours') AS Day, SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries WHERE PostedAt >= $from AND PostedAt < $to GROUP BY Day;
        SELECT s.RegionId, SUM(e.CustomerAmount), SUM(e.Amount) FROM EarningsEntries e JOIN Settlements s ON s.Id = e.SettlementId
          WHERE e.PostedAt >= $from AND e.PostedAt < $to GROUP BY s.RegionId;
        SELECT CASE l.Kind WHEN 'Part' THEN '#parts' ELSE l.ItemCategory END AS Category, s.PartnerTypeId, SUM(e.CustomerAmount), SUM(e.Amount)
          FROM EarningsEntries e JOIN Settlements s ON s.Id = e.SettlementId JOIN SettlementLines l ON l.SettlementId = s.Id AND l.Number = e.LineNumber
          WHERE e.PostedAt >= $from AND e.PostedAt < $to GROUP BY Category, s.PartnerTypeId;
        SELECT PayeeId, SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries WHERE PostedAt >= $from AND PostedAt < $to GROUP BY PayeeId ORDER BY 2 DESC LIMIT 10;
        """;

    private const string RollupRevenue = """
        SELECT SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups WHERE Day >= $fromDay AND Day <= $toDay;
        SELECT SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups WHERE Day >= $prevFromDay AND Day < $fromDay;
        SELECT Day, SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups WHERE Day >= $fromDay AND Day <= $toDay GROUP BY Day;
        SELECT RegionId, SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups WHERE Day >= $fromDay AND Day <= $toDay GROUP BY RegionId;
        SELECT Category, PartnerTypeId, SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups WHERE Day >= $fromDay AND Day <= $toDay GROUP BY Category, PartnerTypeId;
        SELECT PayeeId, SUM(RevenueFen), SUM(CostFen) FROM PayeeDayRollups WHERE Day >= $fromDay AND Day <= $toDay GROUP BY PayeeId ORDER BY 2 DESC LIMIT 10;
        """;

    // Operations per region: the tickets created in the period (cohort) and the open backlog now, and technicians' load.
    private const string TicketOperations = """
        SELECT RegionId, COUNT(*),
               SUM(Status IN ('New', 'Assigned', 'InProgress', 'OnHold')),
               SUM(Status IN ('Resolved', 'Closed') AND SlaBreachedAt IS NULL), SUM(SlaBreachedAt IS NOT NULL),
               SUM(CAST((julianday(FirstRespondedAt) - julianday(CreatedAt)) * 1440 AS INTEGER)),
               SUM(CASE WHEN Status IN ('Resolved', 'Closed') AND SlaStoppedAt IS NOT NULL THEN CAST((julianday(SlaStoppedAt) - julianday(CreatedAt)) * 1440 AS INTEGER) END),
               SUM(Status IN ('Resolved', 'Closed') AND ReopenCount = 0), SUM(ReopenCount > 0), COUNT(Rating), SUM(Rating)
          FROM Tickets WHERE CreatedAt >= $from AND CreatedAt < $to GROUP BY RegionId;
        SELECT RegionId, COUNT(*), SUM(SlaBreachedAt IS NOT NULL) FROM Tickets WHERE Status IN ('New', 'Assigned', 'InProgress', 'OnHold') GROUP BY RegionId;
        SELECT AssigneeId, COUNT(*) FROM Tickets WHERE Status IN ('New', 'Assigned', 'InProgress', 'OnHold') AND AssigneeId IS NOT NULL GROUP BY AssigneeId;
        """;

    private const string RollupOperations = """
        SELECT RegionId, SUM(Created), SUM(Open), SUM(SlaMet), SUM(SlaBreached), SUM(FirstResponseMinutes), SUM(ResolutionMinutes),
               SUM(FirstTimeFixes), SUM(Reopened), SUM(Ratings), SUM(RatingSum)
          FROM TicketDayRollups WHERE Day >= $fromDay AND Day <= $toDay GROUP BY RegionId;
        SELECT RegionId, SUM(Open), SUM(OpenBreached) FROM TicketDayRollups GROUP BY RegionId;
        SELECT UserId, OpenTickets FROM AssigneeLoads WHERE OpenTickets > 0;
        """;

    public static long Revenue(SqliteConnection connection, DateOnly from, DateOnly to, bool rollups) => Run(connection, rollups ? RollupRevenue : LedgerRevenue, from, to);

    public static long Operations(SqliteConnection connection, DateOnly from, DateOnly to, bool rollups) => Run(connection, rollups ? RollupOperations : TicketOperations, from, to);

    /// <summary>Runs every statement and sums what they return into one number, which both ways must agree on.</summary>
    private static long Run(SqliteConnection connection, string sql, DateOnly from, DateOnly to)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var days = to.DayNumber - from.DayNumber + 1;
        var prevFrom = from.AddDays(-days);
        command.Parameters.AddWithValue("$from", Utc(from));
        command.Parameters.AddWithValue("$to", Utc(to.AddDays(1)));
        command.Parameters.AddWithValue("$prevFrom", Utc(prevFrom));
        command.Parameters.AddWithValue("$fromDay", from);
        command.Parameters.AddWithValue("$toDay", to);
        command.Parameters.AddWithValue("$prevFromDay", prevFrom);
        using var reader = command.ExecuteReader();
        var fingerprint = 0L;
        do
        {
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    fingerprint += reader.IsDBNull(i) || reader.GetFieldType(i) != typeof(long) ? 0 : reader.GetInt64(i) % 1_000_003;
                }
            }
        }
        while (reader.NextResult());

        return fingerprint;
    }

    private static DateTime Utc(DateOnly chinaDay) => Scrm.Domain.Common.ChinaTime.ToUtc(chinaDay.ToDateTime(TimeOnly.MinValue));
}
