using Scrm.Data.Saving;
using Scrm.Domain.Common;
using Scrm.Domain.Pricing;
using Scrm.Domain.Settlements;

namespace Scrm.Data.Rollups;

/// <summary>
/// Books a posted settlement's revenue and cost into the revenue and payee rollups (by day and by month), and
/// a reversed one's back out, on the China day the ledger books it (the save's clock, as the ledger writer uses), in the
/// same save. A save of many completions writes one upsert per table.
/// </summary>
public sealed class MoneyRollups : IInTransactionHandler
{
    public bool Handles(IDomainEvent domainEvent) => domainEvent is SettlementPosted or SettlementReversed;

    public Task HandleAsync(IDomainEvent domainEvent, ScrmDbContext db, CancellationToken ct)
    {
        var (settlement, sign) = domainEvent switch
        {
            SettlementPosted p => (p.Settlement, 1L),
            SettlementReversed r => (r.Settlement, -1L),
            _ => throw new ArgumentException($"Not a ledger event: {domainEvent.GetType().Name}", nameof(domainEvent)),
        };
        var day = EffectiveDates.ChinaDate(db.Pipeline.Clock.GetUtcNow().UtcDateTime);
        var batch = Batch(db);
        foreach (var line in settlement.Lines)
        {
            AddLine(batch, new LedgerLine(day, settlement.RegionId, line.Kind, line.ItemCategory, settlement.PartnerTypeId, settlement.PayeeId!,
                line.Number, Money.ToFen(line.CustomerAmount), Money.ToFen(line.Amount)), sign);
        }

        return Task.CompletedTask;
    }

    public Task CompleteAsync(ScrmDbContext db, CancellationToken ct) => Batch(db).WriteAsync(db, ct);

    /// <summary>What one ledger line adds; amounts as earned (a reversal passes <paramref name="sign"/> −1).</summary>
    internal static void AddLine(RollupBatch batch, LedgerLine line, long sign)
    {
        var settled = line.Number == 1 ? 1L : 0L;
        var region = line.RegionId ?? 0L;
        var category = line.Kind == PricedItemKind.Part ? RollupKeys.PartsCategory : line.Category;
        var month = RollupSpan.MonthOf(line.Day);
        long[] sums = [line.RevenueFen, line.CostFen, settled];
        batch.Add(RollupTable.RevenueDays, [line.Day, region, category, line.PartnerTypeId ?? 0L], sums, sign);
        batch.Add(RollupTable.RevenueMonths, [month, region, category, line.PartnerTypeId ?? 0L], sums, sign);
        batch.Add(RollupTable.PayeeDays, [line.Day, region, line.PayeeId], sums, sign);
        batch.Add(RollupTable.PayeeMonths, [month, region, line.PayeeId], sums, sign);
    }

    private static RollupBatch Batch(ScrmDbContext db) => db.SaveCache.GetOrAdd(typeof(MoneyRollups), () => new RollupBatch());
}

/// <summary>One settlement line as the ledger books it, with the keys the money rollups group by.</summary>
internal sealed record LedgerLine(DateOnly Day, long? RegionId, PricedItemKind Kind, string Category, long? PartnerTypeId, string PayeeId,
    int Number, long RevenueFen, long CostFen);
