using System.Globalization;

namespace Scrm.Domain.Tickets;

/// <summary>A ticket number such as <c>GD20261125-0001</c>: the China-time day it was created and that day's sequence.</summary>
public sealed record TicketNumber(DateOnly Day, int Sequence)
{
    public const string Prefix = "GD";
    public const int MaxLength = 20;

    public static TicketNumber First(DateOnly day) => new(day, 1);

    public TicketNumber Next() => this with { Sequence = Sequence + 1 };

    /// <summary>The day part, <c>20261125</c>: the key of the per-day counter.</summary>
    public static string DayKey(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public override string ToString() => $"{Prefix}{DayKey(Day)}-{Sequence.ToString("D4", CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out TicketNumber? number)
    {
        number = null;
        if (text is null || text.Length < 15 || !text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text[10] != '-')
        {
            return false;
        }

        if (!DateOnly.TryParseExact(text.AsSpan(2, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !int.TryParse(text.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1)
        {
            return false;
        }

        number = new TicketNumber(day, sequence);
        return true;
    }
}
