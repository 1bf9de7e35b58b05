using ClosedXML.Excel;

namespace Scrm.Tests.Data.Catalog;

/// <summary>Import files made in the test with ClosedXML, as an admin would save them from Excel.</summary>
public static class XlsxFile
{
    public static readonly string[] PartHeaders = ["编码", "名称", "单位", "低库存阈值", "状态"];
    public static readonly string[] ServiceHeaders = ["编码", "名称", "分类", "单位", "状态"];

    /// <summary>A spare-parts file: the template's header row, then <paramref name="rows"/>.</summary>
    public static byte[] Parts(params object?[][] rows) => Sheet([PartHeaders, .. rows]);

    public static byte[] Services(params object?[][] rows) => Sheet([ServiceHeaders, .. rows]);

    /// <summary>
    /// A workbook whose first sheet holds <paramref name="rows"/> from A1. Strings stay text even when they look like
    /// numbers (text in a number cell is what users paste); decimals and ints are number cells; null leaves a cell empty.
    /// </summary>
    public static byte[] Sheet(params object?[][] rows)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Sheet1");
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cell = sheet.Cell(r + 1, c + 1);
                switch (rows[r][c])
                {
                    case null:
                        break;
                    case string text:
                        cell.SetValue(text).SetDataType(XLDataType.Text);
                        break;
                    case decimal number:
                        cell.Value = number;
                        break;
                    case int number:
                        cell.Value = number;
                        break;
                    case var other:
                        throw new ArgumentException($"Unsupported cell value {other}");
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>A workbook with one sheet and nothing in it.</summary>
    public static byte[] Empty()
    {
        using var workbook = new XLWorkbook();
        workbook.Worksheets.Add("Sheet1");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
