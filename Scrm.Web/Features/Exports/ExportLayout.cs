using System.Globalization;
using Microsoft.Extensions.Localization;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Exports;

/// <summary>How a column's cells are formatted in the file.</summary>
public enum ExportColumnKind
{
    Text,
    Number,
    WholeNumber,
    Money,
    Date,
    DateTime,
}

/// <summary>One column of the export: its header (the user's language) and how its cells look.</summary>
public sealed record ExportColumn(string Header, ExportColumnKind Kind, double Width);

/// <summary>What one cell holds: nothing, text, a number or a time (China time). A struct, so a row of them allocates nothing.</summary>
public readonly record struct ExportValue(ExportValueKind Kind, string? Text = null, decimal Number = 0, DateTime Time = default)
{
    public static ExportValue OfText(string? text) => string.IsNullOrEmpty(text) ? default : new(ExportValueKind.Text, text);
}

public enum ExportValueKind
{
    Empty,
    Text,
    Number,
    Time,
}

/// <summary>One ticket as the export reads it: the standard columns' values and the canonical custom field values by key.</summary>
public sealed record ExportTicket(
    string Number, string Title, string TemplateName, TicketStatus Status, string? StepName, Urgency Urgency, string? CustomerName,
    string? RegionName, string? AssigneeName, string? CreatedByName, DateTime CreatedAt, DateTime UpdatedAt, string? Description,
    IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Names of the customers that 关联客户 fields on this page of tickets point at, by id.</summary>
    public IReadOnlyDictionary<long, string> LinkedCustomers { get; init; } = new Dictionary<long, string>();
}

/// <summary>
/// The columns of a ticket export: every standard column, then one per custom field key of the chosen templates (in
/// template order, then field order; a key two templates share is one column, labelled as the first names it). Turns a
/// ticket into the cells of its row.
/// </summary>
public sealed class ExportLayout
{
    private const int StandardCount = 13;

    private readonly FieldDefinition[] _fields;
    private readonly IStringLocalizer _words;

    private ExportLayout(IReadOnlyList<ExportColumn> columns, FieldDefinition[] fields, IStringLocalizer words)
    {
        Columns = columns;
        _fields = fields;
        _words = words;
    }

    public IReadOnlyList<ExportColumn> Columns { get; }

    /// <summary>The layout for <paramref name="templates"/>, with headers and words from <paramref name="l"/> in the current UI culture.</summary>
    public static ExportLayout For(IEnumerable<TicketTemplate> templates, IStringLocalizer l)
    {
        var fields = templates.SelectMany(t => t.Fields).DistinctBy(f => f.Key, StringComparer.Ordinal).ToArray();
        List<ExportColumn> columns =
        [
            new(l["Export.Column.Number"], ExportColumnKind.Text, 18),
            new(l["Export.Column.Title"], ExportColumnKind.Text, 30),
            new(l["Export.Column.Template"], ExportColumnKind.Text, 12),
            new(l["Export.Column.Status"], ExportColumnKind.Text, 9),
            new(l["Export.Column.Step"], ExportColumnKind.Text, 14),
            new(l["Export.Column.Urgency"], ExportColumnKind.Text, 9),
            new(l["Export.Column.Customer"], ExportColumnKind.Text, 20),
            new(l["Export.Column.Region"], ExportColumnKind.Text, 10),
            new(l["Export.Column.Assignee"], ExportColumnKind.Text, 10),
            new(l["Export.Column.CreatedBy"], ExportColumnKind.Text, 10),
            new(l["Export.Column.CreatedAt"], ExportColumnKind.DateTime, 17),
            new(l["Export.Column.UpdatedAt"], ExportColumnKind.DateTime, 17),
            new(l["Export.Column.Description"], ExportColumnKind.Text, 40),
        ];
        columns.AddRange(fields.Select(f => new ExportColumn(f.Label, KindOf(f.Type), WidthOf(f.Type))));
        return new ExportLayout(columns, fields, l);
    }

    /// <summary>Writes <paramref name="ticket"/>'s cells into <paramref name="row"/> (as long as <see cref="Columns"/>).</summary>
    public void Fill(ExportTicket ticket, ExportValue[] row)
    {
        row[0] = ExportValue.OfText(ticket.Number);
        row[1] = ExportValue.OfText(ticket.Title);
        row[2] = ExportValue.OfText(ticket.TemplateName);
        row[3] = ExportValue.OfText(_words[$"Status.{ticket.Status}"]);
        row[4] = ExportValue.OfText(ticket.StepName);
        row[5] = ExportValue.OfText(_words[$"Urgency.{ticket.Urgency}"]);
        row[6] = ExportValue.OfText(ticket.CustomerName);
        row[7] = ExportValue.OfText(ticket.RegionName);
        row[8] = ExportValue.OfText(ticket.AssigneeName);
        row[9] = ExportValue.OfText(ticket.CreatedByName);
        row[10] = new ExportValue(ExportValueKind.Time, Time: ChinaTime.FromUtc(ticket.CreatedAt));
        row[11] = new ExportValue(ExportValueKind.Time, Time: ChinaTime.FromUtc(ticket.UpdatedAt));
        row[12] = ExportValue.OfText(ticket.Description);
        for (var i = 0; i < _fields.Length; i++)
        {
            row[StandardCount + i] = ticket.Fields.TryGetValue(_fields[i].Key, out var value) ? Cell(_fields[i], value, ticket) : default;
        }
    }

    /// <summary>A canonical value as its cell: numbers and dates as real numbers and dates; anything unreadable as the text it is.</summary>
    private ExportValue Cell(FieldDefinition field, string value, ExportTicket ticket) => field.Type switch
    {
        FieldType.Number or FieldType.WholeNumber or FieldType.Money
            when decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) => new(ExportValueKind.Number, Number: number),
        FieldType.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => new(ExportValueKind.Time, Time: date.ToDateTime(TimeOnly.MinValue)),
        FieldType.MultiSelect => ExportValue.OfText(string.Join("、", FieldValues.ReadMultiSelect(value))),
        FieldType.Checkbox => ExportValue.OfText(value == "true" ? _words["Common.Yes"] : value),
        FieldType.CustomerLink when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            => ExportValue.OfText(ticket.LinkedCustomers.GetValueOrDefault(id, value)),
        _ => ExportValue.OfText(value),
    };

    private static ExportColumnKind KindOf(FieldType type) => type switch
    {
        FieldType.Number => ExportColumnKind.Number,
        FieldType.WholeNumber => ExportColumnKind.WholeNumber,
        FieldType.Money => ExportColumnKind.Money,
        FieldType.Date => ExportColumnKind.Date,
        _ => ExportColumnKind.Text,
    };

    private static double WidthOf(FieldType type) => type switch
    {
        FieldType.Multiline => 40,
        FieldType.Number or FieldType.WholeNumber or FieldType.Checkbox => 10,
        FieldType.Money or FieldType.Date or FieldType.Phone => 14,
        _ => 16,
    };
}
