using Scrm.Domain.Boards;
using Scrm.Domain.Tickets;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// How a board's tickets fall into cells (a column, or a column's part of a swimlane) and which of them a cell shows:
/// most urgent first, then longest waiting (the closed column: most recently finished first), one page each until
/// the user asks for more. The service picks the first cards it loads with it, the page everything after.
/// </summary>
public static class BoardCells
{
    /// <summary>How many cards a cell shows before "显示更多", and how many more each press adds.</summary>
    public const int PageSize = 20;

    public static string Zone(string column, string? lane) => lane is null ? column : $"{column}|{lane}";

    public static string? LaneOf(BoardLanes lanes, string? assigneeId, Urgency urgency) => lanes switch
    {
        BoardLanes.Assignee => assigneeId ?? "",
        BoardLanes.Urgency => urgency.ToString(),
        _ => null,
    };

    /// <summary>Each cell's tickets, in the order the cell shows them.</summary>
    public static Dictionary<string, List<BoardSlot>> Group(IEnumerable<BoardSlot> slots, BoardLanes lanes) =>
        slots.GroupBy(s => Zone(s.ColumnKey, LaneOf(lanes, s.AssigneeId, s.Urgency)), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, Ordered, StringComparer.Ordinal);

    /// <summary>The tickets the cells show: one page each, or as many as <paramref name="shown"/> says for a cell.</summary>
    public static IEnumerable<BoardSlot> Shown(IReadOnlyDictionary<string, List<BoardSlot>> cells, IReadOnlyDictionary<string, int> shown) =>
        cells.SelectMany(c => c.Value.Take(shown.GetValueOrDefault(c.Key, PageSize)));

    private static List<BoardSlot> Ordered(IGrouping<string, BoardSlot> cell) => cell.First().ColumnKey == BoardLayout.ClosedKey
        ? [.. cell.OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id)]
        : [.. cell.OrderBy(s => s.Urgency).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)];
}
