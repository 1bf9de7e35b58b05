using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Finance;

/// <summary>
/// 对账单 for whoever acts: a month's statements (one per payee with ledger rows that month), a payee's lines, confirming
/// (Finance only: the month is then locked for the payee) and marking paid. Reads are open to Finance and Admin.
/// </summary>
public sealed class StatementService(UnitOfWork work, TimeProvider time)
{
    public Task<IReadOnlyList<StatementRow>> MonthAsync(Actor actor, DateOnly month, CancellationToken ct = default)
    {
        actor.Require(SettlementService.FinanceRoles);
        return work.ReadAsync(async (db, t) => await RowsAsync(db, month, null, t), ct);
    }

    /// <summary>The payee's statement and its lines, in the order they were booked; null when the payee has nothing that month.</summary>
    public Task<StatementDetailView?> DetailAsync(Actor actor, string payeeId, DateOnly month, CancellationToken ct = default)
    {
        actor.Require(SettlementService.FinanceRoles);
        return work.ReadAsync(async (db, t) =>
        {
            var row = (await RowsAsync(db, month, payeeId, t)).SingleOrDefault();
            return row is null ? null : new StatementDetailView(row, await LinesAsync(db, month, payeeId, t));
        }, ct);
    }

    /// <summary>Every line of the month, payee by payee: what the whole month's workbook lists.</summary>
    public Task<IReadOnlyList<StatementLineRow>> MonthLinesAsync(Actor actor, DateOnly month, string? payeeId, CancellationToken ct = default)
    {
        actor.Require(SettlementService.FinanceRoles);
        return work.ReadAsync((db, t) => LinesAsync(db, month, payeeId, t), ct);
    }

    /// <summary>
    /// Confirms the payee's month with the ledger's total and line count as they are now. Refused while the month is open,
    /// and when it is already confirmed (the unique (payee, month) index settles two people confirming at once).
    /// </summary>
    public Task ConfirmAsync(Actor actor, string payeeId, DateOnly month, CancellationToken ct = default)
    {
        actor.Require(Role.Finance);
        return work.RunAsync(actor, async (db, t) =>
        {
            var payee = await db.UserProfiles.Where(u => u.Id == payeeId).Select(u => u.DisplayName).SingleOrDefaultAsync(t)
                ?? throw new DomainException("StatementPayeeNotFound", "This payee no longer exists.");
            DomainException AlreadyConfirmed() =>
                new("StatementAlreadyConfirmed", $"{payee}'s statement for {LedgerMonth.Format(month)} is already confirmed.", payee, LedgerMonth.Format(month));
            if (await db.Statements.AnyAsync(s => s.PayeeId == payeeId && s.Month == month, t))
            {
                throw AlreadyConfirmed();
            }

            var amounts = await db.EarningsEntries.Where(e => e.PayeeId == payeeId && e.Month == month).Select(e => e.Amount).ToListAsync(t);
            db.Statements.Add(Statement.Confirm(payeeId, month, amounts.Sum(), amounts.Count, actor.UserId, time.GetUtcNow().UtcDateTime));
            await db.SaveChangesOrConflictAsync(t, AlreadyConfirmed);
        }, ct);
    }

    public Task MarkPaidAsync(Actor actor, long statementId, CancellationToken ct = default)
    {
        actor.Require(Role.Finance);
        return work.RunAsync(actor, async (db, t) =>
        {
            var statement = await db.Statements.SingleOrDefaultAsync(s => s.Id == statementId, t)
                ?? throw new DomainException("StatementNotFound", "This statement no longer exists.");
            statement.MarkPaid(actor.UserId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesOrConflictAsync(t);
        }, ct);
    }

    private static async Task<IReadOnlyList<StatementRow>> RowsAsync(ScrmDbContext db, DateOnly month, string? payeeId, CancellationToken ct)
    {
        // Amounts are whole fen through a converter: summed here, a month's rows at a time.
        var entries = await db.EarningsEntries.AsNoTracking().Where(e => e.Month == month && (payeeId == null || e.PayeeId == payeeId))
            .Select(e => new { e.PayeeId, e.Amount }).ToListAsync(ct);
        var stored = await db.Statements.AsNoTracking().Where(s => s.Month == month && (payeeId == null || s.PayeeId == payeeId))
            .ToDictionaryAsync(s => s.PayeeId, ct);
        var ids = entries.Select(e => e.PayeeId).Concat(stored.Keys).Distinct().ToList();
        var payees = await db.UserProfiles.AsNoTracking().Where(u => ids.Contains(u.Id)).AsSplitQuery().ToListAsync(ct);
        var partnerTypes = await db.PartnerTypes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var lastDay = month.AddMonths(1).AddDays(-1);
        return payees.OrderBy(p => p.DisplayName, StringComparer.Ordinal).Select(p =>
        {
            var mine = entries.Where(e => e.PayeeId == p.Id).ToList();
            var partnerType = p.PartnerTypeOn(lastDay) is { } pt ? partnerTypes.GetValueOrDefault(pt) : null;
            return stored.TryGetValue(p.Id, out var s)
                ? new StatementRow(p.Id, p.DisplayName, partnerType, month, s.State, s.LineCount, s.Total, s.Id, s.ConfirmedAt, s.PaidAt)
                : new StatementRow(p.Id, p.DisplayName, partnerType, month, StatementState.Draft, mine.Count, mine.Sum(e => e.Amount), null, null, null);
        }).ToList();
    }

    private static async Task<IReadOnlyList<StatementLineRow>> LinesAsync(ScrmDbContext db, DateOnly month, string? payeeId, CancellationToken ct)
    {
        var rows = await db.EarningsEntries.AsNoTracking().Where(e => e.Month == month && (payeeId == null || e.PayeeId == payeeId))
            .Join(db.Tickets, e => e.TicketId, x => x.Id, (e, x) => new { Entry = e, x.Number })
            .Join(db.Settlements, r => r.Entry.SettlementId, s => s.Id, (r, s) => new { r.Entry, r.Number, s.CompletedAt })
            .ToListAsync(ct);
        var payees = await db.UserProfiles.DisplayNamesAsync(rows.Select(r => r.Entry.PayeeId), ct);
        return rows
            .OrderBy(r => payees.GetValueOrDefault(r.Entry.PayeeId), StringComparer.Ordinal).ThenBy(r => r.Entry.PostedAt).ThenBy(r => r.Entry.Id)
            .Select(r => new StatementLineRow(r.Entry.Id, payees.GetValueOrDefault(r.Entry.PayeeId) ?? "", r.Entry.PostedAt, r.Number, r.Entry.ItemName,
                r.Entry.Quantity, r.Entry.Amount, r.Entry.Kind, r.Entry.IsAdjustment, LedgerMonth.Of(r.CompletedAt)))
            .ToList();
    }
}
