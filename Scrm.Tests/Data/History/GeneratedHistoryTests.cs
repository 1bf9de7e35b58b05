using Xunit;

namespace Scrm.Tests.Data.History;

/// <summary>
/// A generated history keeps the app's invariants: the ledger books exactly the settlement lines, node visits follow one
/// another without gaps, statuses and ratings look like a working company, and the rollups the generator rebuilt equal
/// a GROUP BY over the tickets and the ledger written here in SQL.
/// </summary>
public sealed class GeneratedHistoryTests(GeneratedHistory history) : IClassFixture<GeneratedHistory>
{
    [Fact]
    public void Generator_Writes_TheTicketsAskedFor()
    {
        Assert.Equal(10_000, history.Report.Tickets);
        Assert.Equal(10_000, history.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} AND CreatedById IN (SELECT Id FROM UserProfiles WHERE Role = 'Agent')"));
        Assert.Equal(300, history.Scalar("SELECT COUNT(*) FROM UserProfiles WHERE UserName LIKE 'gen-tech%' AND Role = 'Technician'"));
        Assert.Equal(0, history.Scalar("SELECT COUNT(*) FROM (SELECT Number FROM Tickets GROUP BY Number HAVING COUNT(*) > 1)"));
    }

    [Fact]
    public void EverySettlement_LinesSumTo_ItsLedgerEntries()
    {
        // Per settlement: the lines' amounts, the postings, and the reversals (negative).
        var rows = history.Rows("""
            SELECT s.State,
                   (SELECT SUM(Amount) FROM SettlementLines l WHERE l.SettlementId = s.Id),
                   (SELECT SUM(CustomerAmount) FROM SettlementLines l WHERE l.SettlementId = s.Id),
                   (SELECT COALESCE(SUM(Amount), 0) FROM EarningsEntries e WHERE e.SettlementId = s.Id AND e.Kind = 'Earning'),
                   (SELECT COALESCE(SUM(CustomerAmount), 0) FROM EarningsEntries e WHERE e.SettlementId = s.Id AND e.Kind = 'Earning'),
                   (SELECT COALESCE(SUM(Amount), 0) FROM EarningsEntries e WHERE e.SettlementId = s.Id AND e.Kind = 'Reversal'),
                   (SELECT COALESCE(SUM(CustomerAmount), 0) FROM EarningsEntries e WHERE e.SettlementId = s.Id AND e.Kind = 'Reversal')
            FROM Settlements s WHERE s.State IN ('Posted', 'Reversed')
            """);
        Assert.True(rows.Count > 5000, $"{rows.Count} settlements");
        Assert.Contains(rows, r => (string)r[0]! == "Reversed");
        foreach (var r in rows)
        {
            Assert.Equal(r[1], r[3]);
            Assert.Equal(r[2], r[4]);
            var reversed = (string)r[0]! == "Reversed";
            Assert.Equal(reversed ? -(long)r[1]! : 0L, r[5]);
            Assert.Equal(reversed ? -(long)r[2]! : 0L, r[6]);
        }
    }

    [Fact]
    public void LedgerEntries_Reverse_OnALaterMoment_ThanTheyPosted()
    {
        Assert.Equal(0, history.Scalar("""
            SELECT COUNT(*) FROM EarningsEntries r JOIN EarningsEntries p ON p.SettlementId = r.SettlementId AND p.LineNumber = r.LineNumber AND p.Kind = 'Earning'
            WHERE r.Kind = 'Reversal' AND r.PostedAt <= p.PostedAt
            """));
    }

    [Fact]
    public void NodeVisits_FollowOneAnother_WithoutGaps()
    {
        Assert.True(history.Report.Visits > 3 * 5000);
        // The next visit of the same ticket starts the moment the previous one ended; only the current one is open.
        Assert.Equal(0, history.Scalar("""
            SELECT COUNT(*) FROM (
              SELECT ExitedAt, LEAD(EnteredAt) OVER (PARTITION BY TicketId ORDER BY EnteredAt, Id) AS NextEnteredAt FROM NodeVisit)
            WHERE NextEnteredAt IS NOT NULL AND (ExitedAt IS NULL OR ExitedAt <> NextEnteredAt)
            """));
        Assert.Equal(0, history.Scalar("SELECT COUNT(*) FROM NodeVisit WHERE ExitedAt < EnteredAt"));
    }

    [Fact]
    public void Statuses_Look_LikeAWorkingCompany()
    {
        var byStatus = history.Rows($"SELECT Status, COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} GROUP BY Status").ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        foreach (var status in new[] { "New", "InProgress", "Resolved", "Closed", "Cancelled" })
        {
            Assert.True(byStatus.GetValueOrDefault(status) > 0, $"no {status} ticket: {string.Join(", ", byStatus)}");
        }

        Assert.InRange(byStatus["Closed"], 6000, 10_000);
        // About 8 % breached their SLA, a few per cent came back after being resolved.
        Assert.InRange(history.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} AND SlaBreachedAt IS NOT NULL"), 500, 1300);
        Assert.InRange(history.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} AND ReopenCount > 0 AND TemplateId <> (SELECT Id FROM TicketTemplates WHERE Name = '投诉工单')"), 100, 750);
    }

    [Fact]
    public void Ratings_AreOneToFive_MostlyGood()
    {
        Assert.Equal(0, history.Scalar("SELECT COUNT(*) FROM Tickets WHERE Rating IS NOT NULL AND (Rating NOT BETWEEN 1 AND 5 OR RatedAt IS NULL OR Status NOT IN ('Resolved', 'Closed'))"));
        var rated = history.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} AND Rating IS NOT NULL");
        var finished = history.Scalar($"SELECT COUNT(*) FROM Tickets WHERE Id >= {history.FirstId} AND Status IN ('Resolved', 'Closed')");
        Assert.InRange(rated * 100 / finished, 50, 70);
        Assert.True(history.Scalar("SELECT COUNT(*) FROM Tickets WHERE Rating >= 4") > 4 * history.Scalar("SELECT COUNT(*) FROM Tickets WHERE Rating <= 2"));
    }

    [Fact]
    public void RevenueRollups_Equal_TheLedger_PerChinaDay()
    {
        var ledger = history.Rows("""
            SELECT date(PostedAt, '+8 hours') AS Day, SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries GROUP BY Day HAVING SUM(CustomerAmount) <> 0 OR SUM(Amount) <> 0 ORDER BY Day
            """);
        var rollups = history.Rows("""
            SELECT Day, SUM(RevenueFen), SUM(CostFen) FROM RevenueDayRollups GROUP BY Day HAVING SUM(RevenueFen) <> 0 OR SUM(CostFen) <> 0 ORDER BY Day
            """);
        Assert.True(ledger.Count > 80, $"{ledger.Count} days");
        Assert.Equal(ledger.Select(r => $"{r[0]} {r[1]} {r[2]}"), rollups.Select(r => $"{r[0]} {r[1]} {r[2]}"));
    }

    [Fact]
    public void TicketRollups_Equal_TheTickets_PerCreatedChinaDay()
    {
        var tickets = history.Rows("""
            SELECT date(CreatedAt, '+8 hours') AS Day, COUNT(*), SUM(Status IN ('Resolved', 'Closed')), COUNT(Rating), COALESCE(SUM(Rating), 0), SUM(SlaBreachedAt IS NOT NULL)
            FROM Tickets GROUP BY Day ORDER BY Day
            """);
        var rollups = history.Rows("""
            SELECT Day, SUM(Created), SUM(Finished), SUM(Ratings), SUM(RatingSum), SUM(SlaBreached) FROM TicketDayRollups GROUP BY Day HAVING SUM(Created) <> 0 ORDER BY Day
            """);
        Assert.True(tickets.Count > 80, $"{tickets.Count} days");
        Assert.Equal(tickets.Select(r => string.Join(' ', r)), rollups.Select(r => string.Join(' ', r)));
    }

    [Fact]
    public void MonthRollups_Equal_TheLedger_PerChinaMonth()
    {
        var ledger = history.Rows("""
            SELECT strftime('%Y-%m-01', PostedAt, '+8 hours') AS Month, SUM(CustomerAmount), SUM(Amount) FROM EarningsEntries GROUP BY Month ORDER BY Month
            """);
        var revenue = history.Rows("SELECT Month, SUM(RevenueFen), SUM(CostFen) FROM RevenueMonthRollups GROUP BY Month ORDER BY Month");
        var payees = history.Rows("SELECT Month, SUM(RevenueFen), SUM(CostFen) FROM PayeeMonthRollups GROUP BY Month ORDER BY Month");
        Assert.True(ledger.Count >= 4, $"{ledger.Count} months");
        Assert.Equal(ledger.Select(r => string.Join(' ', r)), revenue.Select(r => string.Join(' ', r)));
        Assert.Equal(ledger.Select(r => string.Join(' ', r)), payees.Select(r => string.Join(' ', r)));
    }
}
