using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Settlements;

/// <summary>Reads for the 服务与备件 tab: the lines with their item and warehouse names, the ticket's settlements, the pickers.</summary>
internal static class WorkLinesQuery
{
    public static async Task<IReadOnlyList<WorkLineRow>> RowsAsync(ScrmDbContext db, long ticketId, CancellationToken ct)
    {
        var lines = await db.WorkLines.AsNoTracking().Where(l => l.TicketId == ticketId && !l.IsRemoved).OrderBy(l => l.Id)
            .Select(l => new
            {
                l.Id, l.Version, l.Kind, l.ItemId, l.Quantity, l.Note, l.RecordedAt,
                Warehouse = db.Warehouses.Where(w => w.Id == l.WarehouseId).Select(w => w.Name).FirstOrDefault(),
                RecordedBy = db.UserProfiles.Where(u => u.Id == l.RecordedById).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        // The items in two small reads: a subquery yielding a row per line needs SQL APPLY, which SQLite lacks.
        var serviceIds = lines.Where(l => l.Kind == PricedItemKind.Service).Select(l => l.ItemId).Distinct().ToList();
        var partIds = lines.Where(l => l.Kind == PricedItemKind.Part).Select(l => l.ItemId).Distinct().ToList();
        var services = await db.ServiceItems.AsNoTracking().Where(i => serviceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => (i.Code, i.Name, i.Unit), ct);
        var parts = await db.SpareParts.AsNoTracking().Where(p => partIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => (p.Code, p.Name, p.Unit), ct);
        return lines.Select(l =>
        {
            var (code, name, unit) = (l.Kind == PricedItemKind.Service ? services : parts).GetValueOrDefault(l.ItemId, ("", "", ""));
            return new WorkLineRow(l.Id, l.Version, l.Kind, code, name, unit, l.Quantity, l.Warehouse, l.Note, l.RecordedBy ?? "", l.RecordedAt);
        }).ToList();
    }

    public static async Task<IReadOnlyList<SettlementSummary>> SettlementsAsync(ScrmDbContext db, long ticketId, bool seesMoney, string userId, CancellationToken ct)
    {
        var settlements = await db.Settlements.AsNoTracking().Where(s => s.TicketId == ticketId).OrderBy(s => s.Round).ToListAsync(ct);
        var payeeIds = settlements.Select(s => s.PayeeId).OfType<string>().Distinct().ToArray();
        var names = await db.UserProfiles.DisplayNamesAsync(payeeIds, ct);
        var regionIds = settlements.Select(s => s.RegionId).OfType<long>().Distinct().ToArray();
        var cities = await db.Regions.Where(r => regionIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var partnerTypeIds = settlements.Select(s => s.PartnerTypeId).OfType<long>().Distinct().ToArray();
        var partnerTypes = await db.PartnerTypes.Where(t => partnerTypeIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return settlements.Select(s =>
        {
            var money = seesMoney || s.PayeeId == userId;
            var payee = s.PayeeId is { } p ? names.GetValueOrDefault(p) : null;
            return new SettlementSummary(s.Id, s.Round, s.State, s.CompletedAt, payee,
                money ? s.Total : null, money ? s.CustomerTotal : null, s.Holds, s.ReversalKind)
            {
                Terms = new HoldTerms(payee, s.RegionId is { } r ? cities.GetValueOrDefault(r) : null, s.TierCode,
                    s.PartnerTypeId is { } t ? partnerTypes.GetValueOrDefault(t) : null),
                Lines = money ? s.Lines.OrderBy(l => l.Number)
                    .Select(l => new SettlementLineRow(l.Number, l.Kind, l.ItemCode, l.ItemName, l.Unit, l.Quantity, l.UnitPrice, l.Amount)).ToList() : [],
                PostedAt = s.PostedAt,
                ReversedAt = s.ReversedAt,
            };
        }).ToList();
    }

    /// <summary>Warehouses carry no region: the obvious one is the only warehouse named after the ticket's city or its parent.</summary>
    public static async Task<long?> DefaultWarehouseAsync(ScrmDbContext db, long? regionId, CancellationToken ct)
    {
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId)
            .Select(r => new { r.Name, Parent = db.Regions.Where(p => p.Id == r.ParentId).Select(p => p.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (region is null)
        {
            return null;
        }

        var warehouses = await db.Warehouses.AsNoTracking().Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        foreach (var name in new[] { region.Name, region.Parent }.OfType<string>())
        {
            var named = warehouses.Where(w => w.Name.StartsWith(name, StringComparison.Ordinal)).ToList();
            if (named.Count == 1)
            {
                return named[0].Id;
            }
        }

        return null;
    }

    public static async Task<WorkOptions> OptionsAsync(ScrmDbContext db, CancellationToken ct) => new(
        await db.ServiceItems.AsNoTracking().Where(i => i.IsActive).OrderBy(i => i.Category).ThenBy(i => i.Code)
            .Select(i => new WorkItemOption(i.Id, i.Code, i.Name, i.Unit, i.Category)).ToListAsync(ct),
        await db.SpareParts.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code)
            .Select(p => new WorkItemOption(p.Id, p.Code, p.Name, p.Unit, null)).ToListAsync(ct),
        await db.Warehouses.AsNoTracking().OrderBy(w => w.Name).Select(w => new WarehouseChoice(w.Id, w.Name)).ToListAsync(ct));
}
