using ClosedXML.Excel;

namespace Scrm.Web.Features.Catalog.Import;

/// <summary>The downloadable import template: the columns' Chinese headers (required ones bold) and one example row.</summary>
public static class CatalogTemplate
{
    public static byte[] Build(CatalogKind kind)
    {
        var columns = CatalogColumns.For(kind);
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(kind == CatalogKind.Services ? "服务项目" : "备件");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var header = sheet.Cell(1, i + 1);
            header.Value = column.Header;
            header.Style.Font.Bold = column.Required;
            header.Style.Fill.BackgroundColor = XLColor.FromHtml("#E3F2FD");
            var example = sheet.Cell(2, i + 1);
            if (column.IsNumber)
            {
                example.Value = decimal.Parse(column.Example, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                // Text, even when it looks like a number (a code such as 1001 stays 1001, not 1001.0).
                example.SetValue(column.Example).SetDataType(XLDataType.Text);
            }

            // Explicit widths: AdjustToContents needs libgdiplus (stack-notes §3).
            sheet.Column(i + 1).Width = column.Field == CatalogColumns.Name ? 28 : 16;
        }

        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
