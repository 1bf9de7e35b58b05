using Scrm.Web.Security;
using Scrm.Domain.Boards;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Boards;

/// <summary>Which board: a template's, or the user's own work across templates (我的看板).</summary>
public sealed record BoardKey(long? TemplateId)
{
    public static BoardKey Mine { get; } = new((long?)null);

    public bool IsMine => TemplateId is null;
}

/// <summary>
/// A ticket's place on the board: what counts, orders and pages the columns and lanes. A board holds one per ticket it
/// has, and a full <see cref="BoardCard"/> only for the ones it shows.
/// </summary>
public sealed record BoardSlot(long Id, Urgency Urgency, TicketStatus Status, string? AssigneeId, string? AssigneeName, long? WorkflowId,
    string? NodeId, DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The column the ticket sits in, placed by <see cref="BoardLayout"/>.</summary>
    public string ColumnKey { get; init; } = "";
}

/// <summary>
/// One card: what the board shows of a ticket and what a drop needs (version, workflow position).
/// <see cref="Sla"/> is null when no SLA policy applies: the card then shows no SLA at all.
/// </summary>
public sealed record BoardCard(long Id, string Number, string Title, Urgency Urgency, TicketStatus Status, long TemplateId,
    string? CustomerName, string? AssigneeId, string? AssigneeName, long? RegionId, long? WorkflowId, string? NodeId, long Version,
    DateTime CreatedAt, DateTime UpdatedAt)
{
    /// <summary>The column the card sits in, placed by <see cref="BoardLayout"/>.</summary>
    public string ColumnKey { get; init; } = "";

    public SlaState? Sla { get; init; }

    public BoardSlot Slot => new(Id, Urgency, Status, AssigneeId, AssigneeName, WorkflowId, NodeId, CreatedAt, UpdatedAt) { ColumnKey = ColumnKey };
}

/// <summary>A column's WIP limit as stored, with the version an admin's edit starts from.</summary>
public sealed record ColumnLimit(int? Limit, long Version);

/// <summary>
/// A board: its columns, and every ticket on it as a <see cref="BoardSlot"/>, with the full cards of those it shows
/// (the first page of each column and lane, see <see cref="BoardCells"/>).
/// </summary>
/// <param name="Graphs">The workflow versions the tickets follow, by id: a drop runs the ticket's own version's buttons.</param>
public sealed record BoardView(BoardKey Key, string Title, bool HasWorkflow, IReadOnlyList<BoardColumnDef> Columns,
    IReadOnlyDictionary<string, ColumnLimit> Limits, IReadOnlyList<BoardSlot> Slots, IReadOnlyDictionary<long, BoardCard> Cards,
    IReadOnlyDictionary<long, WorkflowGraph> Graphs)
{
    /// <summary>
    /// The regions the board was read for, and whose. A live refresh filters by them instead of reading them again: the
    /// board reloads whole when its user's regions or the region tree change (the change feed says so).
    /// </summary>
    public (string UserId, RegionScope Regions)? ReadFor { get; init; }

    public BoardColumnDef? FindColumn(string key) => Columns.FirstOrDefault(c => c.Key == key);
}

/// <summary>A template a board can be opened for (the board index).</summary>
public sealed record BoardTemplateRow(long Id, string Name, string? Description, bool HasWorkflow, int OpenTickets);
