using System.Globalization;
using Scrm.Domain.Catalog;
using Scrm.Domain.Common;

namespace Scrm.Web.Features.Catalog.Import;

/// <summary>One valid row of an import file, its values already in the domain's canonical form.</summary>
public sealed record CatalogImportRow(int Row, string Code, string Name, string? Category, string Unit, decimal? LowStockThreshold, bool? Active);

/// <summary>
/// Checks a sheet against a catalog's columns and every row against the domain's rules, collecting every problem
/// rather than stopping at the first, so one report lists all there is to fix.
/// </summary>
public sealed class CatalogRowParser(CatalogKind kind)
{
    private const int ShownValueMaxLength = 50;

    private readonly IReadOnlyList<ImportColumn> _columns = CatalogColumns.For(kind);
    private readonly List<ImportProblem> _problems = [];
    private readonly Dictionary<string, int> _columnOf = [];
    private Sheet _sheet = default!;

    public (IReadOnlyList<CatalogImportRow> Rows, IReadOnlyList<ImportProblem> Problems) Parse(Sheet sheet)
    {
        _sheet = sheet;
        _problems.Clear();
        _columnOf.Clear();
        MapHeaders();
        if (_problems.Count > 0)
        {
            return ([], _problems.ToList());
        }

        if (sheet.Rows.Count == 0)
        {
            _problems.Add(new ImportProblem(null, null, null, null,
                new DomainException("ImportNoRows", "The file has a header row but no items under it: add one row per item.")));
            return ([], _problems.ToList());
        }

        var rows = new List<CatalogImportRow>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in sheet.Rows)
        {
            var before = _problems.Count;
            var code = Check(row, CatalogColumns.Code, CatalogCode.Normalize);
            var name = Check(row, CatalogColumns.Name, text => Guard.RequiredText(text, "Name", kind == CatalogKind.Services ? ServiceItem.NameMaxLength : SparePart.NameMaxLength));
            var category = kind == CatalogKind.Services ? Check(row, CatalogColumns.Category, text => Guard.RequiredText(text, "Category", ServiceItem.CategoryMaxLength)) : null;
            var unit = Check(row, CatalogColumns.Unit, text => Guard.RequiredText(text, "Unit", kind == CatalogKind.Services ? ServiceItem.UnitMaxLength : SparePart.UnitMaxLength));
            var threshold = kind == CatalogKind.Parts ? Threshold(row) : null;
            var active = Status(row);
            if (code is not null)
            {
                if (firstRowOf.TryGetValue(code, out var first))
                {
                    Add(row, CatalogColumns.Code, new DomainException("ImportDuplicateCode",
                        $"The code {code} is also on row {first}: each item appears once in a file.", code, first) { Field = CatalogColumns.Code });
                }
                else
                {
                    firstRowOf[code] = row.Number;
                }
            }

            if (_problems.Count == before)
            {
                rows.Add(new CatalogImportRow(row.Number, code!, name!, category, unit!, threshold, active));
            }
        }

        return (rows, _problems.ToList());
    }

    /// <summary>Matches the header row to the columns: by the Chinese header (a trailing * allowed) or the English field name.</summary>
    private void MapHeaders()
    {
        foreach (var (column, raw) in _sheet.Headers.OrderBy(h => h.Key))
        {
            var header = raw.TrimEnd('*', '＊', ' ').Trim();
            var match = _columns.FirstOrDefault(c => c.Header == header || string.Equals(c.Field, header, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                HeaderProblem(column, raw, new DomainException("ImportHeaderUnknown",
                    $"The column \"{raw}\" is not one this import knows. Use the template's columns: {Expected()}.", raw, Expected()));
            }
            else if (!_columnOf.TryAdd(match.Field, column))
            {
                HeaderProblem(column, raw, new DomainException("ImportHeaderDuplicate", $"The column \"{match.Header}\" appears twice; keep one.", match.Header));
            }
        }

        foreach (var missing in _columns.Where(c => c.Required && !_columnOf.ContainsKey(c.Field)))
        {
            _problems.Add(new ImportProblem(1, missing.Header, null, null, new DomainException("ImportHeaderMissing",
                $"The header row has no \"{missing.Header}\" column. Add it in row 1, as in the template.", missing.Header)));
        }
    }

    private string Expected() => string.Join("、", _columns.Select(c => c.Header));

    private void HeaderProblem(int column, string value, DomainException fix) =>
        _problems.Add(new ImportProblem(1, value, XlsxSheetReader.ColumnLetter(column), Shown(value), fix));

    private SheetCell? CellOf(SheetRow row, string field) =>
        _columnOf.TryGetValue(field, out var column) && row.Cells.TryGetValue(column, out var cell) ? cell : null;

    private T? Check<T>(SheetRow row, string field, Func<string?, T> rule) where T : class
    {
        try
        {
            return rule(CellOf(row, field)?.Text);
        }
        catch (DomainException e)
        {
            Add(row, field, e);
            return null;
        }
    }

    private decimal? Threshold(SheetRow row)
    {
        if (CellOf(row, CatalogColumns.LowStockThreshold) is not { } cell)
        {
            return null;
        }

        decimal value;
        if (cell.Number is { } number)
        {
            value = Math.Abs(number) < 1e15 ? (decimal)number : Math.Sign(number) * 1e15m;
        }
        else if (!decimal.TryParse(cell.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out value))
        {
            Add(row, CatalogColumns.LowStockThreshold, new DomainException("ImportNotANumber",
                "This cell needs a number, such as 20 or 2.5, without units or other text.") { Field = CatalogColumns.LowStockThreshold });
            return null;
        }

        try
        {
            return Quantity.Check(value, "LowStockThreshold", allowZero: true);
        }
        catch (DomainException e)
        {
            Add(row, CatalogColumns.LowStockThreshold, e);
            return null;
        }
    }

    private bool? Status(SheetRow row)
    {
        if (CellOf(row, CatalogColumns.Status) is not { } cell)
        {
            return null;
        }

        if (CatalogColumns.StatusValues.TryGetValue(cell.Text, out var active))
        {
            return active;
        }

        Add(row, CatalogColumns.Status, new DomainException("ImportStatusInvalid", "Write 启用 (active) or 停用 (inactive), or leave the cell empty.")
        {
            Field = CatalogColumns.Status,
        });
        return null;
    }

    private void Add(SheetRow row, string field, DomainException fix)
    {
        var column = _columnOf.GetValueOrDefault(field);
        _problems.Add(new ImportProblem(row.Number, _columns.Single(c => c.Field == field).Header,
            column > 0 ? XlsxSheetReader.ColumnLetter(column) : null, CellOf(row, field)?.Text is { } text ? Shown(text) : null, fix));
    }

    private static string Shown(string text) => Guard.Clip(text, ShownValueMaxLength);
}
