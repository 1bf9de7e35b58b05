using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Catalog.Import;

/// <summary>A cell as read: its text (trimmed, numbers in invariant form) and, for a number cell, the number.</summary>
public sealed record SheetCell(string Text, double? Number);

/// <summary>A data row: its row number in the sheet and its non-empty cells by column number.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<int, SheetCell> Cells);

/// <summary>The first sheet of a workbook: the header row's names by column number, and the rows below it that hold anything.</summary>
public sealed record Sheet(IReadOnlyDictionary<int, string> Headers, IReadOnlyList<SheetRow> Rows);

/// <summary>
/// Reads the first worksheet of an .xlsx with ClosedXML. A file that is not a workbook, unpacks to far more than an
/// import needs (a zip bomb) or holds too many rows is refused with a <see cref="DomainException"/> before any row is read.
/// </summary>
public static class XlsxSheetReader
{
    /// <summary>The largest upload accepted.</summary>
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>A 5 MB workbook of plain rows unpacks to a few tens of MB; far more is not a catalog.</summary>
    public const long MaxUnpackedBytes = 100 * 1024 * 1024;

    public const int MaxRows = 5000;

    public static Sheet Read(Stream content)
    {
        EnsureWorkbookPackage(content);
        content.Position = 0;
        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(content);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ClosedXML and OpenXml throw a dozen kinds for a damaged or foreign package; to the user they all mean the same.
            throw NotAWorkbook();
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var lastRow = sheet?.LastRowUsed()?.RowNumber() ?? 0;
            var lastColumn = sheet?.LastColumnUsed()?.ColumnNumber() ?? 0;
            if (sheet is null || lastRow == 0 || lastColumn == 0)
            {
                throw new DomainException("ImportEmpty", "The file's first sheet is empty. Fill in the template's header row and one row per item.");
            }

            if (lastRow - 1 > MaxRows)
            {
                throw new DomainException("ImportTooManyRows", $"A file can hold at most {MaxRows} rows; split it into several files.", MaxRows);
            }

            var headers = new Dictionary<int, string>();
            for (var column = 1; column <= lastColumn; column++)
            {
                if (Text(sheet.Cell(1, column)) is { Length: > 0 } header)
                {
                    headers[column] = header;
                }
            }

            var rows = new List<SheetRow>();
            for (var row = 2; row <= lastRow; row++)
            {
                var cells = new Dictionary<int, SheetCell>();
                for (var column = 1; column <= lastColumn; column++)
                {
                    if (Read(sheet.Cell(row, column)) is { } cell)
                    {
                        cells[column] = cell;
                    }
                }

                if (cells.Count > 0)
                {
                    rows.Add(new SheetRow(row, cells));
                }
            }

            return new Sheet(headers, rows);
        }
    }

    /// <summary>Excel's name of a column: 1 → A, 27 → AA.</summary>
    public static string ColumnLetter(int column)
    {
        var letters = "";
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>An .xlsx is a zip package with a workbook part: anything else (a renamed .xls, .csv or image) is refused here.</summary>
    private static void EnsureWorkbookPackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (!zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
            {
                throw NotAWorkbook();
            }

            if (zip.Entries.Sum(e => e.Length) > MaxUnpackedBytes)
            {
                throw new DomainException("ImportTooLarge", "The file unpacks to far more data than a catalog holds; import at most 5,000 rows at a time.");
            }
        }
        catch (InvalidDataException)
        {
            throw NotAWorkbook();
        }
    }

    private static DomainException NotAWorkbook() =>
        new("ImportNotXlsx", "This is not an Excel .xlsx workbook (perhaps another file renamed .xlsx). Save it from Excel or WPS as .xlsx and try again.");

    private static SheetCell? Read(IXLCell cell)
    {
        object? value;
        try
        {
            // A formula's stored result is what the user saw; ClosedXML's own evaluation may not know the function.
            value = cell.HasFormula ? cell.CachedValue : cell.Value;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var address = cell.Address.ToString() ?? "";
            throw new DomainException("ImportCellUnreadable", $"The cell {address} cannot be read; type its value in instead of a formula or link.", address);
        }

        return value switch
        {
            null => null,
            double d => new SheetCell(d.ToString("0.###############", CultureInfo.InvariantCulture), d),
            DateTime t => new SheetCell(t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), null),
            bool b => new SheetCell(b ? "TRUE" : "FALSE", null),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } text ? new SheetCell(text, null) : null,
        };
    }

    private static string Text(IXLCell cell) => Read(cell)?.Text ?? "";
}
