using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;

namespace Scrm.Data.Rollups;

/// <summary>How many rows a rebuild wrote.</summary>
public sealed record RollupRebuildResult(int Tickets, int LedgerEntries, TimeSpan Took);

/// <summary>
/// Recomputes every rollup from the tickets and the ledger, in one transaction: for when a rollup is new, or suspected
/// wrong. The rollup tables are emptied first, which takes the write lock (SQLite) or a table lock (SQL Server), so
/// saves that would add to them wait for the rebuild instead of being counted twice or lost. Sums are built in memory
/// (a few hundred thousand rows at most) and written after each read ends: SQL Server cannot write on a connection
/// that is still streaming a read.
/// </summary>
public static class RollupRebuild
{
    public static async Task<RollupRebuildResult> RunAsync(ScrmDbContext db, TimeProvider time, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await EmptyAsync(db, token);
            var tickets = await AddTicketsAsync(db, token);
            var entries = await AddLedgerAsync(db, token);
            await transaction.CommitAsync(token);
            return new RollupRebuildResult(tickets, entries, time.GetElapsedTime(started));
        }, ct);
    }

    private static async Task EmptyAsync(ScrmDbContext db, CancellationToken ct)
    {
        var lockHint = db.Database.IsSqlite() ? "" : " WITH (TABLOCKX)";
        foreach (var table in RollupTable.All)
        {
            var name = db.Model.FindEntityType(table.Row)!.GetTableName();
#pragma warning disable EF1002 // The table name comes from the model, not from input.
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM {Quote(db, name!)}{lockHint};", ct);
#pragma warning restore EF1002
        }
    }

    private static async Task<int> AddTicketsAsync(ScrmDbContext db, CancellationToken ct)
    {
        var batch = new RollupBatch();
        var count = 0;
        var facts = db.Tickets.AsNoTracking().Select(t => new TicketFacts(t.CreatedAt, t.RegionId, t.Status, t.AssigneeId,
            t.FirstRespondedAt, t.SlaStoppedAt, t.SlaBreachedAt, t.ReopenCount, t.Rating)).AsAsyncEnumerable();
        await foreach (var ticket in facts.WithCancellation(ct))
        {
            ticket.AddTo(batch, +1);
            count++;
        }

        await batch.WriteAsync(db, ct);
        return count;
    }

    private static async Task<int> AddLedgerAsync(ScrmDbContext db, CancellationToken ct)
    {
        var batch = new RollupBatch();
        var count = 0;
        var rows = from e in db.EarningsEntries.AsNoTracking()
                   join s in db.Settlements on e.SettlementId equals s.Id
                   join l in db.Set<SettlementLine>() on new { SettlementId = s.Id, Number = e.LineNumber }
                       equals new { SettlementId = EF.Property<long>(l, "SettlementId"), l.Number }
                   select new { e.PostedAt, e.Kind, s.RegionId, e.ItemKind, l.ItemCategory, s.PartnerTypeId, e.PayeeId, e.LineNumber, l.CustomerAmount, l.Amount };
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            // The line's amounts as earned; the entry's kind says whether the ledger added or took them back.
            var line = new LedgerLine(EffectiveDates.ChinaDate(row.PostedAt), row.RegionId, row.ItemKind, row.ItemCategory, row.PartnerTypeId,
                row.PayeeId, row.LineNumber, Money.ToFen(row.CustomerAmount), Money.ToFen(row.Amount));
            MoneyRollups.AddLine(batch, line, row.Kind == EarningsKind.Earning ? 1 : -1);
            count++;
        }

        await batch.WriteAsync(db, ct);
        return count;
    }

    private static string Quote(ScrmDbContext db, string name) => db.GetService<ISqlGenerationHelper>().DelimitIdentifier(name);
}
