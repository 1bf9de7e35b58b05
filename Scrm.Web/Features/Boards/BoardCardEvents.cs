using Microsoft.AspNetCore.Components;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// A click or a drag start on one of a cell's cards, with the card's ticket id (read from the card's data-ticket-id in
/// the browser, Scrm.Web.lib.module.js). Cards are plain markup, so the cell listens once for all of them.
/// </summary>
public sealed class BoardCardEventArgs : EventArgs
{
    /// <summary>The ticket of the card the event happened on; null when it happened between cards.</summary>
    public long? TicketId { get; set; }

    /// <summary>The click was on the card's 移动到… button: the board offers the columns instead of opening the ticket.</summary>
    public bool Move { get; set; }
}

[EventHandler("oncardopen", typeof(BoardCardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("oncarddragstart", typeof(BoardCardEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers;
