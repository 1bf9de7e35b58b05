using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Settlements;

namespace Scrm.Web.Features.Pricing;

/// <summary>What one payee earned in the month, and would have earned under the draft.</summary>
public sealed record SimulatedPayee(string PayeeId, string PayeeName, int Tickets, decimal Current, decimal UnderDraft, int HeldTickets)
{
    public decimal Difference => UnderDraft - Current;
}

/// <summary>A ticket the draft cannot price (it would be held), with every reason.</summary>
public sealed record SimulatedHold(long TicketId, string TicketNumber, string PayeeName, decimal Current, IReadOnlyList<SettlementHold> Reasons);

/// <summary>The month re-priced under a draft: per payee (largest change first), the tickets that would be held, the totals.</summary>
public sealed record PriceSimulationResult(DateOnly Month, IReadOnlyList<SimulatedPayee> Payees, IReadOnlyList<SimulatedHold> Held)
{
    public decimal Current => Payees.Sum(p => p.Current);
    public decimal UnderDraft => Payees.Sum(p => p.UnderDraft);
    public decimal Difference => UnderDraft - Current;
    public int Tickets => Payees.Sum(p => p.Tickets);
}

/// <summary>
/// 调价模拟: every settlement posted for a completion in <c>month</c> (China calendar), its ticket's recorded work priced
/// again by the draft's prices with the very code that posts settlements (<see cref="Settlement.Price"/> on a fresh
/// settlement with the posted one's terms: tier and partner type as of the completion). A missing price holds it, as it
/// would for real. Reads only: nothing is tracked, nothing is saved.
/// </summary>
public static class PriceSimulation
{
    public static async Task<PriceSimulationResult> RunAsync(ScrmDbContext db, PriceBookVersion draft, DateOnly month, CancellationToken ct)
    {
        var from = ChinaTime.ToUtc(month.ToDateTime(TimeOnly.MinValue));
        var to = ChinaTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        var settlements = await db.Settlements.AsNoTracking()
            .Where(s => s.State == SettlementState.Posted && s.CompletedAt >= from && s.CompletedAt < to)
            .OrderBy(s => s.CompletedAt).ThenBy(s => s.Id)
            .ToListAsync(ct);
        var ticketIds = settlements.Select(s => s.TicketId).Distinct().ToArray();
        var work = await SettlementPricer.WorkedItemsAsync(db, ticketIds, ct);
        var numbers = await db.Tickets.Where(t => ticketIds.Contains(t.Id)).Select(t => new { t.Id, t.Number }).ToDictionaryAsync(t => t.Id, t => t.Number, ct);
        var payeeIds = settlements.Select(s => s.PayeeId!).Distinct().ToArray();
        var names = await db.UserProfiles.DisplayNamesAsync(payeeIds, ct);

        var repriced = settlements.Select(posted =>
        {
            var fresh = Settlement.Open(posted.TicketId, posted.Round, posted.CompletedAt);
            fresh.Price(new SettlementTerms(posted.PayeeId, posted.RegionId, posted.TierCode, posted.PartnerTypeId),
                work.GetValueOrDefault(posted.TicketId) ?? [], key => Lookup(draft, key), posted.CompletedAt);
            return (Posted: posted, Fresh: fresh);
        }).ToList();

        var payees = repriced
            .GroupBy(r => r.Posted.PayeeId!)
            .Select(g => new SimulatedPayee(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, g.Count(),
                g.Sum(r => r.Posted.Total),
                g.Sum(r => r.Fresh.State == SettlementState.Posted ? r.Fresh.Total : 0m),
                g.Count(r => r.Fresh.State == SettlementState.Held)))
            .OrderByDescending(p => Math.Abs(p.Difference)).ThenBy(p => p.PayeeName, StringComparer.Ordinal)
            .ToList();
        var held = repriced
            .Where(r => r.Fresh.State == SettlementState.Held)
            .Select(r => new SimulatedHold(r.Posted.TicketId, numbers.GetValueOrDefault(r.Posted.TicketId) ?? "", names.GetValueOrDefault(r.Posted.PayeeId!) ?? "",
                r.Posted.Total, r.Fresh.Holds))
            .ToList();
        return new PriceSimulationResult(month, payees, held);
    }

    /// <summary>The month before the one <paramref name="time"/> is in, China calendar.</summary>
    public static DateOnly LastMonth(TimeProvider time)
    {
        var today = ChinaTime.Today(time);
        return new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
    }

    // The draft will be the version in force, and no published version comes after it: its price or none.
    private static PricedEntry? Lookup(PriceBookVersion draft, PriceKey key) =>
        draft.Find(key) is { } entry ? new PricedEntry(draft.Id, entry.SettlementPrice, entry.CustomerPrice) : null;
}
