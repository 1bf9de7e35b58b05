namespace Scrm.Web.Features.Boards;

/// <summary>
/// What a board's cells ask of their board. One object for the board's life: passing it as a parameter never makes a
/// cell look changed, so a live refresh re-renders only the cells whose cards changed.
/// </summary>
public interface IBoardActions
{
    /// <summary>Whether the card may be dragged (its column takes drops).</summary>
    bool IsMovable(BoardCard card);

    /// <summary>Opens the ticket (remembering where the board was scrolled).</summary>
    Task OpenAsync(BoardCard card);

    /// <summary>移动到…: offers the columns the card can reach and moves it to the chosen one exactly as a drop would.</summary>
    Task ChooseMoveAsync(BoardCard card);

    /// <summary>A drag began: the board highlights the cells the card may go to.</summary>
    void DragStarted(BoardCard card);

    /// <summary>The drag ended (dropped or not): the highlights go.</summary>
    void DragEnded();

    /// <summary>The dragged card was dropped on this cell (a column, or a column's part of a swimlane).</summary>
    Task DroppedOnAsync(string zone);
}
