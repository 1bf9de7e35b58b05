using BenchmarkDotNet.Attributes;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Finance;

namespace Scrm.Benchmarks;

/// <summary>
/// The statement workbook (ClosedXML, summary and lines sheets, money formats, frozen header, SUM totals) for one payee's
/// month of 5,000 ledger lines — about ten times the busiest technician's month — and for a month of 50 payees × 100 lines.
/// </summary>
[Config(typeof(BenchmarkConfig))]
public class StatementBenchmarks
{
    private static readonly string[] Items = ["挂机安装（1-1.5匹）", "空调加氟", "冰箱维修", "铜管 6/10（挂机）", "冷媒 R32", "高空作业费"];
    private (List<StatementRow> Rows, List<StatementLineRow> Lines) _onePayee;
    private (List<StatementRow> Rows, List<StatementLineRow> Lines) _month;

    [GlobalSetup]
    public void Setup()
    {
        _onePayee = Generate(payees: 1, linesEach: 5_000);
        _month = Generate(payees: 50, linesEach: 100);
    }

    [Benchmark(Description = "Statement workbook, 1 payee × 5,000 lines")]
    public int OnePayee() => StatementWorkbook.Build(_onePayee.Rows, _onePayee.Lines).Length;

    [Benchmark(Description = "Month workbook, 50 payees × 100 lines")]
    public int WholeMonth() => StatementWorkbook.Build(_month.Rows, _month.Lines).Length;

    private static (List<StatementRow>, List<StatementLineRow>) Generate(int payees, int linesEach)
    {
        var random = new Random(5000);
        var month = new DateOnly(2026, 11, 1);
        var rows = new List<StatementRow>();
        var lines = new List<StatementLineRow>();
        long id = 1;
        for (var p = 0; p < payees; p++)
        {
            var name = $"技师{p + 1:000}";
            var mine = Enumerable.Range(0, linesEach).Select(i =>
            {
                var reversal = i % 50 == 49;
                var amount = Math.Round(random.Next(3_000, 60_000) / 100m, 2) * (reversal ? -1 : 1);
                return new StatementLineRow(id++, name, new DateTime(2026, 11, 1 + (i % 28), 3, 0, 0, DateTimeKind.Utc),
                    $"GD20261101{i:0000}", Items[i % Items.Length], 1 + (i % 3), amount,
                    reversal ? EarningsKind.Reversal : EarningsKind.Earning, reversal, reversal ? month.AddMonths(-1) : month);
            }).ToList();
            lines.AddRange(mine);
            rows.Add(new StatementRow($"payee-{p}", name, "自营", month, StatementState.Draft, mine.Count, mine.Sum(l => l.Amount), null, null, null));
        }

        return (rows, lines);
    }
}
