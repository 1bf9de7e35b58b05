using ClosedXML.Excel;
using Scrm.Domain.Settlements;
using Scrm.Web.Features.Finance;
using Xunit;

namespace Scrm.Tests.Web.Finance;

/// <summary>The statement workbook opened with ClosedXML: sheets, headers, formats, frozen rows and SUM totals.</summary>
public sealed class StatementWorkbookTests
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private static readonly StatementRow[] Statements =
    [
        new("u2", "孙伟", "自营", October, StatementState.Confirmed, 3, 30.85m, 1, null, null),
        new("u4", "郑海", "加盟", October, StatementState.Draft, 1, 90.00m, null, null, null),
    ];

    private static readonly StatementLineRow[] Lines =
    [
        new(1, "孙伟", new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc), "WX-20261008-0001", "空调维修（不含配件）", 1m, 80.00m, EarningsKind.Earning, false, October),
        new(2, "孙伟", new DateTime(2026, 10, 8, 2, 0, 0, DateTimeKind.Utc), "WX-20261008-0001", "铜管 6/10（挂机）", 2.5m, 30.85m, EarningsKind.Earning, false, October),
        new(3, "孙伟", new DateTime(2026, 10, 20, 9, 30, 0, DateTimeKind.Utc), "WX-20260928-0007", "空调维修（不含配件）", -1m, -80.00m, EarningsKind.Reversal, true, new DateOnly(2026, 9, 1)),
        new(4, "郑海", new DateTime(2026, 10, 21, 3, 0, 0, DateTimeKind.Utc), "WX-20261021-0002", "空调维修（不含配件）", 1m, 90.00m, EarningsKind.Earning, false, October),
    ];

    [Fact]
    public void TheWorkbook_HasASummaryAndALinesSheet_WithChineseHeaders_MoneyFormats_FrozenHeaders_AndSumTotals()
    {
        using var workbook = new XLWorkbook(new MemoryStream(StatementWorkbook.Build(Statements, Lines)));

        var summary = workbook.Worksheet("汇总");
        Assert.Equal(["收款人", "合作类型", "行数", "金额", "状态"], summary.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(("孙伟", "自营", 3, 30.85m, "已确认"), (summary.Cell(2, 1).GetString(), summary.Cell(2, 2).GetString(), summary.Cell(2, 3).GetValue<int>(), summary.Cell(2, 4).GetValue<decimal>(), summary.Cell(2, 5).GetString()));
        Assert.Equal(("郑海", "草稿"), (summary.Cell(3, 1).GetString(), summary.Cell(3, 5).GetString()));
        Assert.Equal(("合计", "SUM(C2:C3)", "SUM(D2:D3)"), (summary.Cell(4, 1).GetString(), summary.Cell(4, 3).FormulaA1, summary.Cell(4, 4).FormulaA1));
        Assert.Equal(120.85m, summary.Cell(4, 4).GetValue<decimal>());
        Assert.Equal("¥#,##0.00", summary.Cell(2, 4).Style.NumberFormat.Format);
        Assert.Equal(1, summary.SheetView.SplitRow);

        var lines = workbook.Worksheet("明细");
        Assert.Equal(["收款人", "记账时间", "工单号", "项目", "数量", "金额", "说明"], lines.Row(1).CellsUsed().Select(c => c.GetString()));
        Assert.Equal(1, lines.SheetView.SplitRow);
        Assert.Equal(new DateTime(2026, 10, 8, 10, 0, 0), lines.Cell(2, 2).GetDateTime()); // China time
        Assert.Equal("yyyy-mm-dd hh:mm", lines.Cell(2, 2).Style.NumberFormat.Format);
        Assert.Equal(("WX-20260928-0007", -80.00m, "冲销 · 调整（2026-09 完工）"), (lines.Cell(4, 3).GetString(), lines.Cell(4, 6).GetValue<decimal>(), lines.Cell(4, 7).GetString()));
        Assert.Equal(2.5m, lines.Cell(3, 5).GetValue<decimal>());
        Assert.All(Enumerable.Range(2, 5), r => Assert.Equal("¥#,##0.00", lines.Cell(r, 6).Style.NumberFormat.Format));
        Assert.Equal(("合计", "SUM(F2:F5)"), (lines.Cell(6, 1).GetString(), lines.Cell(6, 6).FormulaA1));
        Assert.Equal(120.85m, lines.Cell(6, 6).GetValue<decimal>()); // 80 + 30.85 − 80 + 90
        Assert.Equal([16d, 18d, 18d, 30d, 8d, 14d, 24d], Enumerable.Range(1, 7).Select(c => lines.Column(c).Width));
    }

    [Fact]
    public void AnEmptyMonth_StillOpens_WithZeroTotals()
    {
        using var workbook = new XLWorkbook(new MemoryStream(StatementWorkbook.Build([], [])));

        Assert.Equal(("合计", 0m), (workbook.Worksheet("明细").Cell(2, 1).GetString(), workbook.Worksheet("明细").Cell(2, 6).GetValue<decimal>()));
        Assert.Equal(0m, workbook.Worksheet("汇总").Cell(2, 4).GetValue<decimal>());
    }

    [Fact]
    public void TheFileName_CarriesTheMonthAndThePayee() =>
        Assert.Equal(("对账单-2026-10.xlsx", "对账单-2026-10-孙伟.xlsx"), (StatementWorkbook.FileName(October, null), StatementWorkbook.FileName(October, "孙伟")));
}
