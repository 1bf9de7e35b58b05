namespace Scrm.Data;

/// <summary>Last ticket sequence used on one China-time day. Bumped in the same transaction as the ticket insert.</summary>
public sealed class TicketNumberCounter
{
    public string Day { get; set; } = "";
    public int Last { get; set; }
}
