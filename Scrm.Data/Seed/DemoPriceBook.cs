using Microsoft.EntityFrameworkCore;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Users;

namespace Scrm.Data.Seed;

/// <summary>
/// The demo company's price book: version 1, drafted by 王磊 (admin) and approved by 郑丽 (finance), in force since
/// 2026-09-01 with both prices for every service item and spare part in every tier × partner type; and version 2, a draft
/// by 王磊 from the first day of next month that raises a few installation prices, waiting for finance's approval.
/// </summary>
internal static class DemoPriceBook
{
    public static readonly DateOnly FirstVersionFrom = new(2026, 9, 1);

    // What a 自营 technician earns in a tier-B city, per unit; the other cells follow from it (see Settle).
    private static readonly Dictionary<string, decimal> BasePrices = new()
    {
        ["AC-INSTALL-1P"] = 120m, ["AC-INSTALL-2P"] = 160m, ["AC-INSTALL-CAB"] = 220m, ["AC-MOVE"] = 180m, ["AC-REMOVE"] = 60m,
        ["AC-GAS"] = 100m, ["AC-CLEAN"] = 70m, ["AC-REPAIR"] = 80m, ["AC-HIGH"] = 50m, ["FR-REPAIR"] = 90m, ["FR-GAS"] = 110m,
        ["WM-INSTALL"] = 50m, ["WM-REPAIR"] = 75m, ["WM-CLEAN"] = 60m, ["WH-INSTALL"] = 90m, ["WH-REPAIR"] = 70m,
        ["WP-INSTALL"] = 80m, ["HOOD-INSTALL"] = 120m,
        ["PIPE-CU-6-10"] = 18m, ["PIPE-CU-6-12"] = 24m, ["GAS-R32"] = 45m, ["GAS-R410A"] = 55m, ["CAP-35UF"] = 30m, ["CAP-2UF"] = 15m,
        ["RC-UNIVERSAL"] = 25m, ["BRACKET-1P"] = 40m, ["BRACKET-3P"] = 60m, ["DRAIN-HOSE"] = 5m, ["WALL-SLEEVE"] = 8m,
        ["WM-BELT"] = 20m, ["WM-VALVE"] = 35m, ["WH-ANODE"] = 28m, ["FR-THERMO"] = 45m, ["GAS-R22"] = 40m,
    };

    // Dearer cities cost more (A > B > C); a partner who brings their own van and insurance earns more (自营 < 加盟 < 第三方).
    private static readonly Dictionary<string, decimal> TierFactors = new() { ["A"] = 1.2m, ["B"] = 1m, ["C"] = 0.85m };
    private static readonly Dictionary<string, decimal> PartnerFactors = new() { ["自营"] = 1m, ["加盟"] = 1.1m, ["第三方"] = 1.25m };

    /// <summary>The customer pays the same whoever does the job, well above the dearest settlement price.</summary>
    private const decimal CustomerMarkup = 1.6m;

    // Version 2 raises what partners earn for the two wall-unit installations and for 加氟 (which the demo's settled
    // jobs include, so its simulation shows a difference), by ¥10 in every tier.
    private static readonly string[] RaisedInVersion2 = ["AC-INSTALL-1P", "AC-INSTALL-2P", "AC-GAS"];
    private const decimal Raise = 10m;

    public static async Task SeedAsync(ScrmDbContext db, TimeProvider time, IReadOnlyList<UserProfile> people, CancellationToken ct)
    {
        var admin = people.Single(p => p.UserName == "admin");
        var finance = people.Single(p => p.UserName == "finance");
        var tiers = await db.PriceTiers.Select(t => t.Code).ToListAsync(ct);
        var partnerTypes = await db.PartnerTypes.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var items = (await db.ServiceItems.Select(i => new { Kind = PricedItemKind.Service, i.Id, i.Code }).ToListAsync(ct))
            .Concat(await db.SpareParts.Select(p => new { Kind = PricedItemKind.Part, p.Id, p.Code }).ToListAsync(ct))
            .OrderBy(i => i.Kind).ThenBy(i => i.Code, StringComparer.Ordinal)
            .ToList();

        // Drafted and approved in late August, before the date it took effect (a version cannot be published for a past day).
        var august = new FixedTime(ChinaTime.ToUtc(new DateTime(2026, 8, 25, 10, 0, 0)));
        var first = PriceBookVersion.Draft(1, FirstVersionFrom, null, admin.Id, august);
        foreach (var item in items)
        {
            foreach (var tier in tiers)
            {
                foreach (var (partnerTypeId, partnerType) in partnerTypes)
                {
                    var basePrice = BasePrices[item.Code];
                    first.SetPrice(new PriceKey(item.Kind, item.Id, tier, partnerTypeId),
                        Settle(basePrice, tier, partnerType), Round(basePrice * TierFactors[tier] * CustomerMarkup));
                }
            }
        }

        first.Approve(finance.Id, [], august);
        db.PriceBookVersions.Add(first);
        await db.SaveChangesAsync(ct);

        var today = ChinaTime.Today(time);
        var draft = PriceBookVersion.Draft(2, new DateOnly(today.Year, today.Month, 1).AddMonths(1), first, admin.Id, time);
        foreach (var entry in draft.Entries.Where(e => items.Any(i => i.Id == e.ItemId && i.Kind == e.Kind && RaisedInVersion2.Contains(i.Code))
                     && partnerTypes[e.PartnerTypeId] != "自营").ToList())
        {
            draft.SetPrice(entry.Key, entry.SettlementPrice + Raise, entry.CustomerPrice);
        }

        db.PriceBookVersions.Add(draft);
        await db.SaveChangesAsync(ct);
    }

    private static decimal Settle(decimal basePrice, string tier, string partnerType) =>
        Round(basePrice * TierFactors[tier] * PartnerFactors[partnerType]);

    /// <summary>To the jiao (0.1 yuan), as price lists are written.</summary>
    private static decimal Round(decimal price) => Math.Round(price, 1, MidpointRounding.AwayFromZero);

    private sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
