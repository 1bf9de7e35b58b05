// Blazor JS initializer: the board's card events (BoardCardEvents.cs). A board cell listens once for all its cards and
// gets the card's ticket id from the element the event happened on.
function cardEvent(e) {
    const card = e.target && e.target.closest ? e.target.closest('[data-ticket-id]') : null;
    const move = e.target && e.target.closest ? !!e.target.closest('[data-card-move]') : false;
    return { ticketId: card ? Number(card.dataset.ticketId) : null, move };
}

export function afterWebStarted(blazor) {
    blazor.registerCustomEventType('cardopen', { browserEventName: 'click', createEventArgs: cardEvent });
    blazor.registerCustomEventType('carddragstart', { browserEventName: 'dragstart', createEventArgs: cardEvent });
}
