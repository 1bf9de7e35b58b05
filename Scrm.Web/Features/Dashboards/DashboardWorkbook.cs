using ClosedXML.Excel;

namespace Scrm.Web.Features.Dashboards;

/// <summary>
/// Any dashboard table as a workbook: one sheet, bold frozen header, typed cells (money ¥#,##0.00, rates 0.0%), widths
/// set by hand (ClosedXML's AdjustToContents needs libgdiplus, stack-notes §3).
/// </summary>
public static class DashboardWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(DashboardTable table)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(SheetName(table.Title));
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = table.Columns[c];
            sheet.Cell(1, c + 1).SetValue(column.Header).SetDataType(XLDataType.Text);
            sheet.Column(c + 1).Width = column.Kind == DashboardColumnKind.Text ? 24 : 14;
            sheet.Column(c + 1).Style.NumberFormat.Format = column.Kind switch
            {
                DashboardColumnKind.Money => "¥#,##0.00",
                DashboardColumnKind.Rate => "0.0%",
                DashboardColumnKind.Score => "0.0",
                DashboardColumnKind.Minutes => "#,##0",
                _ => "General",
            };
        }

        for (var r = 0; r < table.Rows.Count; r++)
        {
            for (var c = 0; c < table.Columns.Count; c++)
            {
                var cell = sheet.Cell(r + 2, c + 1);
                switch (table.Rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        cell.SetValue(text).SetDataType(XLDataType.Text);
                        break;
                    case var number:
                        cell.Value = Convert.ToDecimal(number, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                }
            }
        }

        var header = sheet.Row(1);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#F0F2F5");
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>"营收看板-按区域-2026-11-01至2026-11-30.xlsx".</summary>
    public static string FileName(string dashboard, string table, DashboardPeriod period) =>
        $"{dashboard}-{table}-{period.From:yyyy-MM-dd}至{period.To:yyyy-MM-dd}.xlsx";

    // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
    private static string SheetName(string title)
    {
        var cleaned = new string([.. title.Where(ch => "[]:*?/\\".IndexOf(ch) < 0)]);
        return cleaned.Length == 0 ? "Sheet1" : cleaned[..Math.Min(31, cleaned.Length)];
    }
}
