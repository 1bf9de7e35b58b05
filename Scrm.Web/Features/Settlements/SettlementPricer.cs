using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Settlements;

/// <summary>
/// Gathers what a settlement is priced from — the work recorded on the ticket, the payee's partner type and the city's
/// tier as of the completion, the prices in force — and prices it. Used at completion and for each retry of a held one.
/// </summary>
public static class SettlementPricer
{
    public static async Task PriceAsync(ScrmDbContext db, Settlement settlement, Ticket ticket, DateTime now, CancellationToken ct)
    {
        // Read untracked: pricing reads the payee and the city, it never changes them.
        var date = EffectiveDates.ChinaDate(settlement.CompletedAt);
        var payeeId = settlement.PayeeId ?? ticket.AssigneeId;
        var payee = payeeId is null ? null
            : await db.SaveCache.GetOrReadAsync(payeeId, () => db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(u => u.Id == payeeId, ct));
        var region = ticket.RegionId is { } regionId
            ? await db.SaveCache.GetOrReadAsync(regionId, () => db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == regionId, ct))
            : null;
        var terms = new SettlementTerms(payee?.Id, region?.Id, region?.TierOn(date), payee?.PartnerTypeOn(date));
        var work = await WorkedItemsAsync(db, ticket.Id, ct);
        var lookup = terms is { TierCode: { } tier, PartnerTypeId: { } partnerType }
            ? await PriceSource.ForAsync(db, work.Select(w => new PriceKey(w.Kind, w.ItemId, tier, partnerType)).ToList(), settlement.CompletedAt, ct)
            : _ => null;
        settlement.Price(terms, work, lookup, now);
        if (settlement.State == SettlementState.Posted)
        {
            ticket.MarkSettled();
        }
    }

    /// <summary>The ticket's recorded work, one entry per item with its quantities summed, services first.</summary>
    public static async Task<List<WorkedItem>> WorkedItemsAsync(ScrmDbContext db, long ticketId, CancellationToken ct) =>
        (await WorkedItemsAsync(db, [ticketId], ct)).GetValueOrDefault(ticketId) ?? [];

    /// <summary>The recorded work of several tickets at once (the price simulation's), read the same way.</summary>
    public static async Task<Dictionary<long, List<WorkedItem>>> WorkedItemsAsync(ScrmDbContext db, IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var ids = ticketIds.ToArray();
        var lines = await db.WorkLines.Where(l => ids.Contains(l.TicketId) && !l.IsRemoved)
            .Select(l => new { l.TicketId, l.Kind, l.ItemId, l.Quantity })
            .ToListAsync(ct);
        var serviceIds = lines.Where(l => l.Kind == PricedItemKind.Service).Select(l => l.ItemId).Distinct().ToArray();
        var partIds = lines.Where(l => l.Kind == PricedItemKind.Part).Select(l => l.ItemId).Distinct().ToArray();
        var names = (await db.ServiceItems.Where(i => serviceIds.Contains(i.Id)).Select(i => new { Kind = PricedItemKind.Service, i.Id, i.Code, i.Name, i.Unit }).ToListAsync(ct))
            .Concat(await db.SpareParts.Where(p => partIds.Contains(p.Id)).Select(p => new { Kind = PricedItemKind.Part, p.Id, p.Code, p.Name, p.Unit }).ToListAsync(ct))
            .ToDictionary(i => (i.Kind, i.Id));
        return lines.GroupBy(l => l.TicketId).ToDictionary(ticket => ticket.Key, ticket => ticket
            .GroupBy(l => (l.Kind, l.ItemId))
            .OrderBy(g => g.Key.Kind).ThenBy(g => names[g.Key].Code, StringComparer.Ordinal)
            .Select(g => new WorkedItem(g.Key.Kind, g.Key.ItemId, names[g.Key].Code, names[g.Key].Name, names[g.Key].Unit, g.Sum(l => l.Quantity)))
            .ToList());
    }
}
