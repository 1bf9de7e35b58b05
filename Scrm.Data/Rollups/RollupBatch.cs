using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Scrm.Data.Rollups;

/// <summary>A rollup table: which of its columns are the key and which are the sums that deltas are added to.</summary>
internal sealed record RollupTable(Type Row, string[] Keys, string[] Measures)
{
    public static readonly RollupTable TicketDays = new(typeof(TicketDayRollup), [nameof(TicketDayRollup.Day), nameof(TicketDayRollup.RegionId)],
    [
        nameof(TicketDayRollup.Created), nameof(TicketDayRollup.Open), nameof(TicketDayRollup.Finished), nameof(TicketDayRollup.Cancelled),
        nameof(TicketDayRollup.SlaMet), nameof(TicketDayRollup.SlaBreached), nameof(TicketDayRollup.OpenBreached), nameof(TicketDayRollup.Responded),
        nameof(TicketDayRollup.FirstResponseMinutes), nameof(TicketDayRollup.Resolutions), nameof(TicketDayRollup.ResolutionMinutes),
        nameof(TicketDayRollup.EverResolved), nameof(TicketDayRollup.Reopened), nameof(TicketDayRollup.FirstTimeFixes),
        nameof(TicketDayRollup.Ratings), nameof(TicketDayRollup.RatingSum),
    ]);

    public static readonly RollupTable RevenueDays = new(typeof(RevenueDayRollup),
        [nameof(RevenueDayRollup.Day), nameof(RevenueDayRollup.RegionId), nameof(RevenueDayRollup.Category), nameof(RevenueDayRollup.PartnerTypeId)],
        [nameof(RevenueDayRollup.RevenueFen), nameof(RevenueDayRollup.CostFen), nameof(RevenueDayRollup.Settled)]);

    public static readonly RollupTable PayeeDays = new(typeof(PayeeDayRollup),
        [nameof(PayeeDayRollup.Day), nameof(PayeeDayRollup.RegionId), nameof(PayeeDayRollup.PayeeId)],
        [nameof(PayeeDayRollup.RevenueFen), nameof(PayeeDayRollup.CostFen), nameof(PayeeDayRollup.Settled)]);

    public static readonly RollupTable RevenueMonths = new(typeof(RevenueMonthRollup),
        [nameof(RevenueMonthRollup.Month), nameof(RevenueMonthRollup.RegionId), nameof(RevenueMonthRollup.Category), nameof(RevenueMonthRollup.PartnerTypeId)],
        [nameof(RevenueMonthRollup.RevenueFen), nameof(RevenueMonthRollup.CostFen), nameof(RevenueMonthRollup.Settled)]);

    public static readonly RollupTable PayeeMonths = new(typeof(PayeeMonthRollup),
        [nameof(PayeeMonthRollup.Month), nameof(PayeeMonthRollup.RegionId), nameof(PayeeMonthRollup.PayeeId)],
        [nameof(PayeeMonthRollup.RevenueFen), nameof(PayeeMonthRollup.CostFen), nameof(PayeeMonthRollup.Settled)]);

    public static readonly RollupTable AssigneeLoads = new(typeof(AssigneeLoad), [nameof(AssigneeLoad.UserId)], [nameof(AssigneeLoad.OpenTickets)]);

    public static readonly IReadOnlyList<RollupTable> All = [TicketDays, RevenueDays, RevenueMonths, PayeeDays, PayeeMonths, AssigneeLoads];
}

/// <summary>
/// Deltas to rollup rows, summed per row in memory and then written with one upsert-and-add statement per table (per
/// few hundred rows): <c>INSERT … ON CONFLICT DO UPDATE SET x = x + excluded.x</c> on SQLite, <c>MERGE … WITH
/// (HOLDLOCK)</c> on SQL Server. Adding in the database, never read-modify-write, is what keeps two saves at the same
/// moment from losing one of their counts.
/// </summary>
internal sealed class RollupBatch
{
    private readonly Dictionary<RollupTable, Dictionary<RowKey, long[]>> _rows = [];

    public bool IsEmpty => _rows.Values.All(r => r.Count == 0);

    public void Add(RollupTable table, object[] key, long[] measures, long sign = 1)
    {
        if (!_rows.TryGetValue(table, out var rows))
        {
            _rows[table] = rows = [];
        }

        var rowKey = new RowKey(key);
        if (!rows.TryGetValue(rowKey, out var sums))
        {
            rows[rowKey] = sums = new long[table.Measures.Length];
        }

        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += sign * measures[i];
        }
    }

    /// <summary>Writes every non-zero delta in the caller's transaction and empties the batch.</summary>
    public async Task WriteAsync(ScrmDbContext db, CancellationToken ct)
    {
        foreach (var (table, rows) in _rows)
        {
            var changed = rows.Where(r => r.Value.Any(v => v != 0)).ToList();
            var perStatement = Math.Max(1, 1800 / (table.Keys.Length + table.Measures.Length));
            foreach (var chunk in changed.Chunk(perStatement))
            {
                var parameters = new List<object>();
                var values = new List<string>();
                foreach (var (key, sums) in chunk)
                {
                    var placeholders = key.Values.Cast<object>().Concat(sums.Cast<object>()).Select(v =>
                    {
                        parameters.Add(v);
                        return $"{{{parameters.Count - 1}}}";
                    });
                    values.Add($"({string.Join(", ", placeholders)})");
                }

                await db.Database.ExecuteSqlRawAsync(UpsertSql(db, table, values), parameters, ct);
            }
        }

        _rows.Clear();
    }

    private static string UpsertSql(ScrmDbContext db, RollupTable table, List<string> values)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var entity = db.Model.FindEntityType(table.Row)!;
        var name = sql.DelimitIdentifier(entity.GetTableName()!);
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName());
        var keys = table.Keys.Select(Column).ToList();
        var measures = table.Measures.Select(Column).ToList();
        var all = string.Join(", ", keys.Concat(measures));
        if (db.Database.IsSqlite())
        {
            return $"INSERT INTO {name} ({all}) VALUES {string.Join(", ", values)} " +
                $"ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", measures.Select(m => $"{m} = {m} + excluded.{m}"))};";
        }

        return $"MERGE {name} WITH (HOLDLOCK) AS t USING (VALUES {string.Join(", ", values)}) AS s ({all}) " +
            $"ON {string.Join(" AND ", keys.Select(k => $"t.{k} = s.{k}"))} " +
            $"WHEN MATCHED THEN UPDATE SET {string.Join(", ", measures.Select(m => $"t.{m} = t.{m} + s.{m}"))} " +
            $"WHEN NOT MATCHED THEN INSERT ({all}) VALUES ({string.Join(", ", keys.Concat(measures).Select(c => $"s.{c}"))});";
    }

    /// <summary>A row's key values, compared by value.</summary>
    private sealed class RowKey(object[] values) : IEquatable<RowKey>
    {
        public object[] Values { get; } = values;

        public bool Equals(RowKey? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as RowKey);

        public override int GetHashCode() => Values.Aggregate(0, HashCode.Combine);
    }
}
