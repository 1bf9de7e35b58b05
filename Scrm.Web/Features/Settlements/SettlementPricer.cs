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
/// What it reads goes through the save's cache, which <see cref="PrepareAsync"/> fills for a batch of completions at once.
/// </summary>
public static class SettlementPricer
{
    public static async Task PriceAsync(ScrmDbContext db, Settlement settlement, Ticket ticket, DateTime now, CancellationToken ct)
    {
        var terms = await TermsAsync(db, settlement.PayeeId ?? ticket.AssigneeId, ticket.RegionId, settlement.CompletedAt, ct);
        var work = await db.SaveCache.GetOrReadAsync(new WorkOf(ticket.Id), () => WorkedItemsAsync(db, ticket.Id, ct));
        var lookup = await PriceSource.ForAsync(db, KeysOf(terms, work), settlement.CompletedAt, ct);
        settlement.Price(terms, work, lookup, now);
        if (settlement.State == SettlementState.Posted)
        {
            ticket.MarkSettled();
        }
    }

    /// <summary>
    /// Reads the work, terms and prices of many settlements at once (a batch of completions, the held ones a new price
    /// book covers), so that pricing each of them finds what it needs in the save's cache.
    /// </summary>
    public static async Task PrepareAsync(ScrmDbContext db, IReadOnlyCollection<ToPrice> settlements, CancellationToken ct)
    {
        var work = await WorkedItemsAsync(db, settlements.Select(s => s.Ticket.Id).Distinct().ToList(), ct);
        var keys = new List<(DateTime CompletedAt, PriceKey Key)>();
        foreach (var (ticket, payeeId, completedAt) in settlements)
        {
            var worked = work.GetValueOrDefault(ticket.Id) ?? [];
            db.SaveCache.Remember(new WorkOf(ticket.Id), worked);
            var terms = await TermsAsync(db, payeeId ?? ticket.AssigneeId, ticket.RegionId, completedAt, ct);
            keys.AddRange(KeysOf(terms, worked).Select(key => (completedAt, key)));
        }

        // Prices are in force by China date: one read per day the completions fall on.
        foreach (var day in keys.GroupBy(k => EffectiveDates.ChinaDate(k.CompletedAt)))
        {
            await PriceSource.ForAsync(db, day.Select(k => k.Key).ToList(), day.First().CompletedAt, ct);
        }
    }

    /// <summary>The ticket's recorded work, one entry per item with its quantities summed, services first.</summary>
    public static async Task<List<WorkedItem>> WorkedItemsAsync(ScrmDbContext db, long ticketId, CancellationToken ct) =>
        (await WorkedItemsAsync(db, [ticketId], ct)).GetValueOrDefault(ticketId) ?? [];

    /// <summary>The recorded work of several tickets at once (a batch of completions, the price simulation), read the same way.</summary>
    public static async Task<Dictionary<long, List<WorkedItem>>> WorkedItemsAsync(ScrmDbContext db, IReadOnlyCollection<long> ticketIds, CancellationToken ct)
    {
        var ids = ticketIds.ToArray();
        var lines = await db.WorkLines.Where(l => ids.Contains(l.TicketId) && !l.IsRemoved)
            .Select(l => new { l.TicketId, l.Kind, l.ItemId, l.Quantity })
            .ToListAsync(ct);
        var serviceIds = lines.Where(l => l.Kind == PricedItemKind.Service).Select(l => l.ItemId).Distinct().ToArray();
        var partIds = lines.Where(l => l.Kind == PricedItemKind.Part).Select(l => l.ItemId).Distinct().ToArray();
        var names = (await db.ServiceItems.Where(i => serviceIds.Contains(i.Id)).Select(i => new { Kind = PricedItemKind.Service, i.Id, i.Code, i.Name, i.Unit, i.Category }).ToListAsync(ct))
            .Concat(await db.SpareParts.Where(p => partIds.Contains(p.Id)).Select(p => new { Kind = PricedItemKind.Part, p.Id, p.Code, p.Name, p.Unit, Category = "" }).ToListAsync(ct))
            .ToDictionary(i => (i.Kind, i.Id));
        return lines.GroupBy(l => l.TicketId).ToDictionary(ticket => ticket.Key, ticket => ticket
            .GroupBy(l => (l.Kind, l.ItemId))
            .OrderBy(g => g.Key.Kind).ThenBy(g => names[g.Key].Code, StringComparer.Ordinal)
            .Select(g => new WorkedItem(g.Key.Kind, g.Key.ItemId, names[g.Key].Code, names[g.Key].Name, names[g.Key].Unit, g.Sum(l => l.Quantity), names[g.Key].Category))
            .ToList());
    }

    /// <summary>The payee's partner type and the city's tier on the completion's China date (read untracked: pricing never changes them).</summary>
    private static async Task<SettlementTerms> TermsAsync(ScrmDbContext db, string? payeeId, long? regionId, DateTime completedAt, CancellationToken ct)
    {
        var date = EffectiveDates.ChinaDate(completedAt);
        var payee = payeeId is null ? null
            : await db.SaveCache.GetOrReadAsync(payeeId, () => db.UserProfiles.AsNoTracking().SingleOrDefaultAsync(u => u.Id == payeeId, ct));
        var region = regionId is { } id
            ? await db.SaveCache.GetOrReadAsync(id, () => db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct))
            : null;
        return new SettlementTerms(payee?.Id, region?.Id, region?.TierOn(date), payee?.PartnerTypeOn(date));
    }

    private static List<PriceKey> KeysOf(SettlementTerms terms, List<WorkedItem> work) =>
        terms is { TierCode: { } tier, PartnerTypeId: { } partnerType }
            ? work.Select(w => new PriceKey(w.Kind, w.ItemId, tier, partnerType)).ToList()
            : [];

    private sealed record WorkOf(long TicketId);
}

/// <summary>A settlement about to be priced: its ticket, its payee when already known (else the assignee), its completion.</summary>
public sealed record ToPrice(Ticket Ticket, string? PayeeId, DateTime CompletedAt);
