namespace Scrm.Domain.Tickets;

/// <summary>The canonical value of one custom field on one ticket (see <see cref="Templates.FieldValues"/>).</summary>
public sealed class TicketFieldValue
{
    public const int ValueMaxLength = 2000;

    private TicketFieldValue() { }

    internal TicketFieldValue(string fieldKey, string value)
    {
        FieldKey = fieldKey;
        Value = value;
    }

    public long Id { get; private set; }
    public string FieldKey { get; private set; } = "";
    public string Value { get; internal set; } = "";
}
