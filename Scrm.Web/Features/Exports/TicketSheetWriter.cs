using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Scrm.Web.Features.Exports;

/// <summary>
/// Streams an export's rows into an .xlsx with SpreadCheetah: each row goes to the stream as it is added, so memory
/// stays flat however many rows there are (Scrm.Benchmarks/ExportBenchmarks measured it against ClosedXML and
/// MiniExcel). Bold header row, frozen; money as <c>¥#,##0.00</c>, dates and times as numbers Excel sorts and filters.
/// </summary>
public sealed class TicketSheetWriter : IAsyncDisposable
{
    private readonly Spreadsheet _spreadsheet;
    private readonly ExportLayout _layout;
    private readonly StyleId?[] _styles;
    private readonly ExportValue[] _values;
    private readonly Cell[] _cells;

    private TicketSheetWriter(Spreadsheet spreadsheet, ExportLayout layout, StyleId?[] styles)
    {
        _spreadsheet = spreadsheet;
        _layout = layout;
        _styles = styles;
        _values = new ExportValue[layout.Columns.Count];
        _cells = new Cell[layout.Columns.Count];
    }

    /// <summary>Rows written so far, not counting the header.</summary>
    public int Rows { get; private set; }

    /// <summary>Starts the workbook on <paramref name="stream"/> with one sheet named <paramref name="sheetName"/> and its header row.</summary>
    public static async Task<TicketSheetWriter> StartAsync(Stream stream, ExportLayout layout, string sheetName, CancellationToken ct)
    {
        var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: ct);
        var options = new WorksheetOptions { FrozenRows = 1 };
        for (var i = 0; i < layout.Columns.Count; i++)
        {
            options.Column(i + 1).Width = layout.Columns[i].Width;
        }

        await spreadsheet.StartWorksheetAsync(sheetName, options, ct);
        var header = spreadsheet.AddStyle(new Style { Font = { Bold = true }, Fill = { Color = System.Drawing.Color.FromArgb(0xEE, 0xEE, 0xEE) } });
        var byKind = new Dictionary<ExportColumnKind, StyleId?>
        {
            [ExportColumnKind.Text] = null,
            [ExportColumnKind.Number] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("#,##0.##") }),
            [ExportColumnKind.WholeNumber] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0") }),
            [ExportColumnKind.Money] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("¥#,##0.00") }),
            [ExportColumnKind.Date] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") }),
            [ExportColumnKind.DateTime] = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd hh:mm") }),
        };
        await spreadsheet.AddRowAsync(layout.Columns.Select(c => new Cell(c.Header, header)).ToArray(), ct);
        return new TicketSheetWriter(spreadsheet, layout, layout.Columns.Select(c => byKind[c.Kind]).ToArray());
    }

    public async ValueTask AddAsync(ExportTicket ticket, CancellationToken ct)
    {
        _layout.Fill(ticket, _values);
        for (var i = 0; i < _cells.Length; i++)
        {
            var value = _values[i];
            _cells[i] = value.Kind switch
            {
                ExportValueKind.Text => new Cell(value.Text, _styles[i]),
                ExportValueKind.Number => new Cell(value.Number, _styles[i]),
                ExportValueKind.Time => new Cell(value.Time, _styles[i]),
                _ => default,
            };
        }

        await _spreadsheet.AddRowAsync(_cells, ct);
        Rows++;
    }

    /// <summary>Writes the end of the workbook; the stream then holds a complete file.</summary>
    public ValueTask FinishAsync(CancellationToken ct) => _spreadsheet.FinishAsync(ct);

    public ValueTask DisposeAsync() => _spreadsheet.DisposeAsync();
}
