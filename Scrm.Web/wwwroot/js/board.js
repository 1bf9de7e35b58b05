// Remembers where a board was scrolled (the columns sideways, each column down) so coming back from a ticket lands there.
export function save(key, board) {
    if (!board) return;
    const columns = {};
    board.querySelectorAll('[data-column-key]').forEach(c => {
        const body = c.querySelector('.scrm-board-cards');
        if (body && body.scrollTop) columns[c.dataset.columnKey] = body.scrollTop;
    });
    sessionStorage.setItem(key, JSON.stringify({ left: board.scrollLeft, top: window.scrollY, columns }));
}

export function restore(key, board) {
    const saved = sessionStorage.getItem(key);
    if (!board || !saved) return;
    try {
        const state = JSON.parse(saved);
        board.scrollLeft = state.left || 0;
        window.scrollTo(0, state.top || 0);
        board.querySelectorAll('[data-column-key]').forEach(c => {
            const body = c.querySelector('.scrm-board-cards');
            const top = state.columns && state.columns[c.dataset.columnKey];
            if (body && top) body.scrollTop = top;
        });
    } catch { sessionStorage.removeItem(key); }
}

// Firefox starts a drag only when the dragstart puts some data on it; the board itself works from the card's own event.
export function enableDrag(board) {
    if (!board || board.dataset.dragReady) return;
    board.dataset.dragReady = 'true';
    board.addEventListener('dragstart', e => {
        const card = e.target.closest && e.target.closest('[data-ticket-id]');
        if (card && e.dataTransfer) {
            e.dataTransfer.setData('text/plain', card.dataset.ticketId);
            e.dataTransfer.effectAllowed = 'move';
        }
    });
}
