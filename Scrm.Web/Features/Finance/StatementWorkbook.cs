using ClosedXML.Excel;
using Scrm.Domain.Common;
using Scrm.Domain.Settlements;

namespace Scrm.Web.Features.Finance;

/// <summary>
/// The statement workbook finance hands to payees: 汇总 (one row per payee) and 明细 (every ledger line), each with a
/// frozen header and a totals row that is a real SUM formula, money as ¥#,##0.00. It is a Chinese business document
/// whatever the UI language (like the catalog import template), so its words are written here. Column widths are set
/// by hand: ClosedXML's AdjustToContents needs libgdiplus (stack-notes §3).
/// </summary>
public static class StatementWorkbook
{
    public const string MoneyFormat = "¥#,##0.00";
    public const string SummarySheet = "汇总";
    public const string LinesSheet = "明细";

    private static readonly (string Header, double Width)[] SummaryColumns =
        [("收款人", 16), ("合作类型", 12), ("行数", 8), ("金额", 16), ("状态", 10)];

    private static readonly (string Header, double Width)[] LineColumns =
        [("收款人", 16), ("记账时间", 18), ("工单号", 18), ("项目", 30), ("数量", 8), ("金额", 14), ("说明", 24)];

    /// <summary>"对账单-2026-10.xlsx" for a month, "对账单-2026-10-孙伟.xlsx" for one payee.</summary>
    public static string FileName(DateOnly month, string? payeeName) =>
        payeeName is null ? $"对账单-{LedgerMonth.Format(month)}.xlsx" : $"对账单-{LedgerMonth.Format(month)}-{payeeName}.xlsx";

    public static byte[] Build(IReadOnlyList<StatementRow> statements, IReadOnlyList<StatementLineRow> lines)
    {
        using var workbook = new XLWorkbook();
        WriteSummary(workbook.Worksheets.Add(SummarySheet), statements);
        WriteLines(workbook.Worksheets.Add(LinesSheet), lines);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteSummary(IXLWorksheet sheet, IReadOnlyList<StatementRow> statements)
    {
        Header(sheet, SummaryColumns);
        var row = 2;
        foreach (var s in statements)
        {
            sheet.Cell(row, 1).SetValue(s.PayeeName).SetDataType(XLDataType.Text);
            sheet.Cell(row, 2).SetValue(s.PartnerTypeName ?? "").SetDataType(XLDataType.Text);
            sheet.Cell(row, 3).Value = s.LineCount;
            sheet.Cell(row, 4).Value = s.Total;
            sheet.Cell(row, 5).Value = StateName(s.State);
            row++;
        }

        Totals(sheet, row, [3, 4]);
        sheet.Column(4).Style.NumberFormat.Format = MoneyFormat;
    }

    private static void WriteLines(IXLWorksheet sheet, IReadOnlyList<StatementLineRow> lines)
    {
        Header(sheet, LineColumns);
        var row = 2;
        foreach (var line in lines)
        {
            sheet.Cell(row, 1).SetValue(line.PayeeName).SetDataType(XLDataType.Text);
            sheet.Cell(row, 2).Value = ChinaTime.FromUtc(line.PostedAt);
            sheet.Cell(row, 3).SetValue(line.TicketNumber).SetDataType(XLDataType.Text);
            sheet.Cell(row, 4).SetValue(line.ItemName).SetDataType(XLDataType.Text);
            sheet.Cell(row, 5).Value = line.Quantity;
            sheet.Cell(row, 6).Value = line.Amount;
            sheet.Cell(row, 7).Value = Note(line);
            row++;
        }

        Totals(sheet, row, [6]);
        sheet.Column(2).Style.NumberFormat.Format = "yyyy-mm-dd hh:mm";
        sheet.Column(6).Style.NumberFormat.Format = MoneyFormat;
    }

    /// <summary>冲销 for a reversal; 调整 with the month the work was completed in when booked in a later month.</summary>
    public static string Note(StatementLineRow line)
    {
        var parts = new List<string>();
        if (line.Kind == EarningsKind.Reversal)
        {
            parts.Add("冲销");
        }

        if (line.IsAdjustment)
        {
            parts.Add($"调整（{LedgerMonth.Format(line.CompletedMonth)} 完工）");
        }

        return string.Join(" · ", parts);
    }

    private static string StateName(StatementState state) => state switch
    {
        StatementState.Confirmed => "已确认",
        StatementState.Paid => "已付款",
        _ => "草稿",
    };

    private static void Header(IXLWorksheet sheet, (string Header, double Width)[] columns)
    {
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = sheet.Cell(1, i + 1);
            cell.Value = columns[i].Header;
            cell.Style.Font.Bold = true;
            cell.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
            sheet.Column(i + 1).Width = columns[i].Width;
        }

        sheet.SheetView.FreezeRows(1);
    }

    /// <summary>合计 in the first column, a SUM over the rows above in each summed column (0 when there are none).</summary>
    private static void Totals(IXLWorksheet sheet, int row, int[] summed)
    {
        sheet.Cell(row, 1).Value = "合计";
        sheet.Row(row).Style.Font.Bold = true;
        foreach (var column in summed)
        {
            var cell = sheet.Cell(row, column);
            if (row > 2)
            {
                var letter = XLHelper.GetColumnLetterFromNumber(column);
                cell.FormulaA1 = $"SUM({letter}2:{letter}{row - 1})";
            }
            else
            {
                cell.Value = 0;
            }
        }
    }
}
