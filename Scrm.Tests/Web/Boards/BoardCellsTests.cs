using Scrm.Domain.Boards;
using Scrm.Domain.Tickets;
using Scrm.Web.Features.Boards;
using Xunit;

namespace Scrm.Tests.Web.Boards;

/// <summary>Which tickets a board's cells show: the order within a cell, one page each, and more where asked.</summary>
public sealed class BoardCellsTests
{
    private static readonly DateTime Monday = new(2026, 11, 30, 1, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OpenCell_ShowsMostUrgentFirst_ThenLongestWaiting()
    {
        BoardSlot[] slots =
        [
            Slot(1, "visit", Urgency.Normal, created: Monday),
            Slot(2, "visit", Urgency.Urgent, created: Monday.AddHours(3)),
            Slot(3, "visit", Urgency.Normal, created: Monday.AddHours(-5)),
            Slot(4, "visit", Urgency.Urgent, created: Monday.AddHours(1)),
        ];

        var cell = BoardCells.Group(slots, BoardLanes.None)["visit"];

        Assert.Equal([4L, 2L, 3L, 1L], cell.Select(s => s.Id));
    }

    [Fact]
    public void ClosedCell_ShowsMostRecentlyFinishedFirst()
    {
        BoardSlot[] slots =
        [
            Slot(1, BoardLayout.ClosedKey, Urgency.Urgent, updated: Monday),
            Slot(2, BoardLayout.ClosedKey, Urgency.Low, updated: Monday.AddDays(2)),
            Slot(3, BoardLayout.ClosedKey, Urgency.Normal, updated: Monday.AddDays(1)),
        ];

        var cell = BoardCells.Group(slots, BoardLanes.None)[BoardLayout.ClosedKey];

        Assert.Equal([2L, 3L, 1L], cell.Select(s => s.Id));
    }

    [Fact]
    public void EachCell_ShowsOnePage_OrMoreWhereAsked()
    {
        var slots = Enumerable.Range(1, 50).Select(i => Slot(i, "accept", Urgency.Normal, created: Monday.AddMinutes(i)))
            .Concat(Enumerable.Range(201, 30).Select(i => Slot(i, "dispatch", Urgency.Normal, created: Monday.AddMinutes(i))))
            .ToList();
        var cells = BoardCells.Group(slots, BoardLanes.None);

        var firstPage = BoardCells.Shown(cells, new Dictionary<string, int>()).ToList();
        var more = BoardCells.Shown(cells, new Dictionary<string, int> { ["accept"] = 40 }).ToList();

        Assert.Equal(40, firstPage.Count);
        Assert.Equal(20, firstPage.Count(s => s.ColumnKey == "accept"));
        Assert.Equal(20L, firstPage.Where(s => s.ColumnKey == "accept").Max(s => s.Id));
        Assert.Equal(60, more.Count);
        Assert.Equal(40L, more.Where(s => s.ColumnKey == "accept").Max(s => s.Id));
    }

    [Fact]
    public void Lanes_SplitColumnsIntoCells_UnassignedInItsOwnLane()
    {
        BoardSlot[] slots =
        [
            Slot(1, "visit", Urgency.Normal, assignee: "tech-1"),
            Slot(2, "visit", Urgency.High, assignee: null),
            Slot(3, "dispatch", Urgency.High, assignee: "tech-1"),
        ];

        var byAssignee = BoardCells.Group(slots, BoardLanes.Assignee);
        var byUrgency = BoardCells.Group(slots, BoardLanes.Urgency);

        Assert.Equal(["dispatch|tech-1", "visit|", "visit|tech-1"], byAssignee.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["dispatch|High", "visit|High", "visit|Normal"], byUrgency.Keys.Order(StringComparer.Ordinal));
    }

    private static BoardSlot Slot(long id, string column, Urgency urgency, DateTime? created = null, DateTime? updated = null, string? assignee = "tech-1") =>
        new(id, urgency, TicketStatus.InProgress, assignee, assignee, 1, column, created ?? Monday, updated ?? Monday) { ColumnKey = column };
}
