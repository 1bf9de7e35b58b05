using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Finance;

/// <summary>
/// Finance's settlement work for whoever acts (Finance and Admin, checked here on every call): the held queue and its
/// retries, the posted list with each settlement's lines and ledger rows, and refunds.
/// </summary>
public sealed class SettlementService(UnitOfWork work, TimeProvider time)
{
    public const int PostedListSize = 200;
    public const int RefundReasonMaxLength = Settlement.NoteMaxLength;

    /// <summary>Who works finance's pages: for <c>[Authorize(Roles = …)]</c>, and as roles for the service checks.</summary>
    public const string FinanceRoleNames = $"{nameof(Role.Finance)},{nameof(Role.Admin)}";

    public static readonly Role[] FinanceRoles = [Role.Finance, Role.Admin];

    public Task<IReadOnlyList<HeldSettlementRow>> HeldAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        return work.ReadAsync<IReadOnlyList<HeldSettlementRow>>(async (db, t) =>
        {
            var held = await db.Settlements.AsNoTracking().Where(s => s.State == SettlementState.Held)
                .OrderBy(s => s.CompletedAt).ThenBy(s => s.Id).ToListAsync(t);
            var ticketIds = held.Select(s => s.TicketId).ToList();
            var tickets = await db.Tickets.AsNoTracking().Where(x => ticketIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => new { x.Number, x.Title }, t);
            var payees = await db.UserProfiles.DisplayNamesAsync(held.Select(s => s.PayeeId), t);
            var cities = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, t);
            var partnerTypes = await db.PartnerTypes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, t);
            return held.Select(s => new HeldSettlementRow(s.Id, s.TicketId, tickets[s.TicketId].Number, tickets[s.TicketId].Title,
                s.PayeeId is { } p ? payees.GetValueOrDefault(p) : null,
                s.RegionId is { } r ? cities.GetValueOrDefault(r) : null, s.TierCode,
                s.PartnerTypeId is { } pt ? partnerTypes.GetValueOrDefault(pt) : null,
                s.CompletedAt, s.Holds)).ToList();
        }, ct);
    }

    /// <summary>Prices one held settlement again; returns what it is now (posted, or still held).</summary>
    public Task<SettlementState> RetryAsync(Actor actor, long settlementId, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        return work.RunAsync(actor, async (db, t) =>
        {
            var settlement = await db.Settlements.SingleOrDefaultAsync(s => s.Id == settlementId, t)
                ?? throw new DomainException("SettlementNotFound", "This settlement no longer exists.");
            await HeldSettlements.RetryAsync(db, settlement, time.GetUtcNow().UtcDateTime, t);
            await db.SaveChangesOrConflictAsync(t);
            return settlement.State;
        }, ct);
    }

    /// <summary>Retries every held settlement, each in its own save, so one that fails or conflicts does not hold up the rest.</summary>
    public async Task<RetryResult> RetryAllAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        var ids = await work.ReadAsync((db, t) => db.Settlements.Where(s => s.State == SettlementState.Held).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(t), ct);
        var posted = 0;
        foreach (var id in ids)
        {
            try
            {
                posted += await RetryAsync(actor, id, ct) == SettlementState.Posted ? 1 : 0;
            }
            catch (DomainException)
            {
                // Moved on meanwhile (posted by the automatic retry, withdrawn by a reopen): counted by the queue's reload.
            }
        }

        return new RetryResult(posted, ids.Count - posted);
    }

    /// <summary>Posted and reversed settlements, newest completion first, at most <see cref="PostedListSize"/>.</summary>
    public Task<IReadOnlyList<PostedSettlementRow>> PostedAsync(Actor actor, PostedFilter filter, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        return work.ReadAsync<IReadOnlyList<PostedSettlementRow>>(async (db, t) =>
        {
            var query = db.Settlements.AsNoTracking().Where(s => s.State == SettlementState.Posted || s.State == SettlementState.Reversed);
            if (filter.Month is { } month)
            {
                var (from, until) = FinanceMonths.UtcRange(month);
                query = query.Where(s => s.CompletedAt >= from && s.CompletedAt < until);
            }

            if (!string.IsNullOrWhiteSpace(filter.PayeeId))
            {
                query = query.Where(s => s.PayeeId == filter.PayeeId);
            }

            var rows = await query
                .Join(db.Tickets, s => s.TicketId, x => x.Id, (s, x) => new { Settlement = s, x.Number, x.Title })
                .Where(r => string.IsNullOrWhiteSpace(filter.TicketNumber) || r.Number.Contains(filter.TicketNumber.Trim()))
                .OrderByDescending(r => r.Settlement.CompletedAt).ThenByDescending(r => r.Settlement.Id)
                .Take(PostedListSize).ToListAsync(t);
            var payees = await db.UserProfiles.DisplayNamesAsync(rows.Select(r => r.Settlement.PayeeId), t);
            return rows.Select(r => new PostedSettlementRow(r.Settlement.Id, r.Settlement.TicketId, r.Number, r.Title,
                payees.GetValueOrDefault(r.Settlement.PayeeId!) ?? "", r.Settlement.State, r.Settlement.CompletedAt, r.Settlement.PostedAt,
                r.Settlement.Total, r.Settlement.ReversalKind, r.Settlement.ReversalNote)).ToList();
        }, ct);
    }

    public Task<SettlementDetail> DetailAsync(Actor actor, long settlementId, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        return work.ReadAsync(async (db, t) =>
        {
            var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == settlementId, t)
                ?? throw new DomainException("SettlementNotFound", "This settlement no longer exists.");
            var entries = await db.EarningsEntries.AsNoTracking().Where(e => e.SettlementId == settlementId)
                .OrderBy(e => e.Id).ToListAsync(t);
            return new SettlementDetail(
                settlement.Lines.OrderBy(l => l.Number).Select(l => new SettlementLineRow(l.Number, l.ItemName, l.Unit, l.Quantity, l.UnitPrice, l.Amount)).ToList(),
                entries.Select(e => new LedgerEntryRow(e.Id, e.PostedAt, e.Month, e.Kind, e.ItemName, e.Quantity, e.Amount, e.IsAdjustment)).ToList());
        }, ct);
    }

    /// <summary>
    /// The customer was refunded: the settlement is reversed (the payee's ledger gets a negative entry per line, in the
    /// month it is booked). The ticket stays as it is. Refused with a reason missing or a settlement not posted.
    /// </summary>
    public Task RefundAsync(Actor actor, long settlementId, string? reason, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("RefundReasonRequired", "Say why the ticket was refunded.") { Field = "Reason" };
        }

        return work.RunAsync(actor, async (db, t) =>
        {
            var settlement = await db.Settlements.SingleOrDefaultAsync(s => s.Id == settlementId, t)
                ?? throw new DomainException("SettlementNotFound", "This settlement no longer exists.");
            if (settlement.State != SettlementState.Posted)
            {
                throw new DomainException("SettlementNotPosted", "Only a posted settlement can be refunded; this one has been undone or is not posted yet.");
            }

            settlement.Reverse(ReversalKind.Refunded, reason, actor.UserId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesOrConflictAsync(t);
        }, ct);
    }

    /// <summary>People who have ever been paid by a settlement: the payee filter's choices.</summary>
    public Task<IReadOnlyList<PayeeOption>> PayeesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(FinanceRoles);
        return work.ReadAsync<IReadOnlyList<PayeeOption>>(async (db, t) =>
        {
            var ids = db.Settlements.Where(s => s.PayeeId != null).Select(s => s.PayeeId);
            return await db.UserProfiles.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
                .Select(u => new PayeeOption(u.Id, u.DisplayName)).ToListAsync(t);
        }, ct);
    }

}
