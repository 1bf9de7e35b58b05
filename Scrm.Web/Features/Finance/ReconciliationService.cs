using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Finance;

/// <summary>A payee's month: what the ledger holds against what the settlements say it should.</summary>
public sealed record ReconciliationRow(string PayeeId, string PayeeName, decimal LedgerTotal, int LedgerEntries, decimal SettlementTotal, int SettlementLines)
{
    public decimal Difference => LedgerTotal - SettlementTotal;
    public bool Matches => Difference == 0m && LedgerEntries == SettlementLines;
}

/// <summary>One settlement whose ledger rows that month do not add up to its lines (or ledger rows of no settlement line).</summary>
public sealed record ReconciliationDifference(string PayeeName, long TicketId, string TicketNumber, long SettlementId, decimal Booked, int BookedEntries,
    decimal Expected, int ExpectedLines);

public sealed record ReconciliationReport(DateOnly Month, IReadOnlyList<ReconciliationRow> Rows, IReadOnlyList<ReconciliationDifference> Differences);

/// <summary>
/// 对账核对: proves, per payee and month, that the ledger equals the settlements — posted lines counted in the month they
/// were posted, reversed ones taken off in the month they were reversed — and lists every settlement where it does not.
/// The two sides are read independently: the ledger rows as stored, the settlements' own lines and times.
/// </summary>
public sealed class ReconciliationService(UnitOfWork work)
{
    public Task<ReconciliationReport> MonthAsync(Actor actor, DateOnly month, CancellationToken ct = default)
    {
        actor.Require(SettlementService.FinanceRoles);
        return work.ReadAsync(async (db, t) =>
        {
            var (from, until) = FinanceMonths.UtcRange(month);
            var ledger = await db.EarningsEntries.AsNoTracking().Where(e => e.Month == month)
                .Select(e => new { e.PayeeId, e.SettlementId, e.TicketId, e.Amount }).ToListAsync(t);
            var settlements = await db.Settlements.AsNoTracking()
                .Where(s => s.PayeeId != null && ((s.PostedAt >= from && s.PostedAt < until) || (s.ReversedAt >= from && s.ReversedAt < until && s.State == SettlementState.Reversed)))
                .ToListAsync(t);
            // Each settlement's lines as they should be booked this month: +lines if posted in it, −lines if reversed in it.
            bool InMonth(DateTime? at) => at >= from && at < until;
            var expected = settlements.Select(s =>
            {
                var posted = InMonth(s.PostedAt);
                var reversed = s.State == SettlementState.Reversed && InMonth(s.ReversedAt);
                return new
                {
                    s.Id,
                    s.TicketId,
                    PayeeId = s.PayeeId!,
                    Total = (posted ? s.Total : 0m) - (reversed ? s.Total : 0m),
                    Lines = (posted ? s.Lines.Count : 0) + (reversed ? s.Lines.Count : 0),
                };
            }).ToList();

            var payees = await db.UserProfiles.DisplayNamesAsync(ledger.Select(e => e.PayeeId).Concat(expected.Select(e => e.PayeeId)), t);
            var rows = payees.Keys.Select(p => new ReconciliationRow(p, payees[p],
                    ledger.Where(e => e.PayeeId == p).Sum(e => e.Amount), ledger.Count(e => e.PayeeId == p),
                    expected.Where(e => e.PayeeId == p).Sum(e => e.Total), expected.Where(e => e.PayeeId == p).Sum(e => e.Lines)))
                .OrderBy(r => r.PayeeName, StringComparer.Ordinal).ToList();

            var bookedBySettlement = ledger.GroupBy(e => e.SettlementId).ToDictionary(g => g.Key, g => (Total: g.Sum(e => e.Amount), Count: g.Count(), g.First().PayeeId, g.First().TicketId));
            var expectedBySettlement = expected.ToDictionary(e => e.Id);
            var mismatched = bookedBySettlement.Keys.Union(expectedBySettlement.Keys)
                .Select(id =>
                {
                    var booked = bookedBySettlement.GetValueOrDefault(id);
                    var wanted = expectedBySettlement.GetValueOrDefault(id);
                    return new
                    {
                        Id = id,
                        PayeeId = wanted?.PayeeId ?? booked.PayeeId,
                        TicketId = wanted?.TicketId ?? booked.TicketId,
                        Booked = booked.Total,
                        BookedEntries = booked.Count,
                        Expected = wanted?.Total ?? 0m,
                        ExpectedLines = wanted?.Lines ?? 0,
                    };
                })
                .Where(d => d.Booked != d.Expected || d.BookedEntries != d.ExpectedLines)
                .ToList();
            var ticketIds = mismatched.Select(d => d.TicketId).ToList();
            var numbers = await db.Tickets.AsNoTracking().Where(x => ticketIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Number, t);
            var differences = mismatched
                .Select(d => new ReconciliationDifference(payees.GetValueOrDefault(d.PayeeId) ?? d.PayeeId, d.TicketId, numbers.GetValueOrDefault(d.TicketId) ?? "",
                    d.Id, d.Booked, d.BookedEntries, d.Expected, d.ExpectedLines))
                .OrderBy(d => d.PayeeName, StringComparer.Ordinal).ThenBy(d => d.TicketNumber, StringComparer.Ordinal).ToList();
            return new ReconciliationReport(month, rows, differences);
        }, ct);
    }
}
