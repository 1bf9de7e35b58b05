using MudBlazor;
using Scrm.Domain.Boards;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Domain.Workflows;
using Scrm.Web.Features.Boards.Components;
using Scrm.Web.Features.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Boards;

/// <summary>
/// Drag to move: a drop on another column runs the workflow button that leads there (or, without a workflow, the status
/// change); a drop on another person's lane reassigns. The card only moves when the server says so: until then it stays
/// where its data puts it, which is the snap back of a refused drop. The drag itself is the browser's (HTML drag and
/// drop events on the cards and cells), so a card needs no component of its own.
/// </summary>
public partial class BoardPage
{
    private BoardCard? _dragged;

    public bool IsMovable(BoardCard card) => _board?.FindColumn(card.ColumnKey)?.AcceptsDrops == true;

    public void DragStarted(BoardCard card)
    {
        _dragged = card;
        StateHasChanged();
    }

    public void DragEnded()
    {
        if (_dragged is not null)
        {
            _dragged = null;
            StateHasChanged();
        }
    }

    public Task DroppedOnAsync(string zone)
    {
        // The drop arrives before the drag's end: take the card now, the end clears it meanwhile.
        if (_dragged is not { } card)
        {
            return Task.CompletedTask;
        }

        _dragged = null;
        StateHasChanged();
        if (zone == Zone(card.ColumnKey, LaneOf(card)))
        {
            return Task.CompletedTask;
        }

        var (column, lane) = ParseZone(zone);
        return DropAsync(card.Id, column, lane);
    }

    public async Task ChooseMoveAsync(BoardCard card)
    {
        var lane = LaneOf(card);
        var targets = _columns.Where(c => c.Def.Key != card.ColumnKey && CanDrop(card, Zone(c.Def.Key, lane)))
            .Select(c => new MoveToDialog.MoveTarget(c.Def.Key, c.Name)).ToList();
        var parameters = new DialogParameters<MoveToDialog> { { d => d.Targets, targets } };
        var dialog = await Dialogs.ShowAsync<MoveToDialog>(L["Board.MoveToTitle", card.Number], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string columnKey })
        {
            await DropAsync(card.Id, columnKey, lane);
        }
    }

    /// <summary>While dragging, reachable cells are highlighted and the others dimmed; the card's own cell stays as it is.</summary>
    private string? DropClassOf(string zone) =>
        _dragged is not { } card || zone == Zone(card.ColumnKey, LaneOf(card)) ? null : CanDrop(card, zone) ? "scrm-drop-ok" : "scrm-drop-no";

    /// <summary>Where a dragged card may go: highlights reachable columns and dims the rest while dragging.</summary>
    private bool CanDrop(BoardCard card, string zone)
    {
        var (column, lane) = ParseZone(zone);
        if (column == card.ColumnKey)
        {
            return lane == LaneOf(card) || (_filter.Lanes == BoardLanes.Assignee && CanReassign);
        }

        return lane == LaneOf(card) && _board?.FindColumn(column) is { } target && Routes(card, target) is { Count: > 0 };
    }

    /// <summary>
    /// Handles a card dropped on <paramref name="columnKey"/> (and <paramref name="laneKey"/> when lanes are shown).
    /// Public so tests can drive a drop: the drag itself happens in the browser.
    /// </summary>
    public async Task DropAsync(long ticketId, string columnKey, string? laneKey = null)
    {
        if (_board?.Cards.GetValueOrDefault(ticketId) is not { } card || _board.FindColumn(columnKey) is not { } target)
        {
            return;
        }

        try
        {
            if (columnKey != card.ColumnKey)
            {
                await MoveAsync(card, target);
            }
            else if (laneKey != LaneOf(card) && _filter.Lanes == BoardLanes.Assignee)
            {
                await ReassignAsync(card, string.IsNullOrEmpty(laneKey) ? null : laneKey);
            }
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add(L["Error.ConcurrencyConflict"], Severity.Warning);
        }
        catch (ForbiddenException)
        {
            Snackbar.Add(L["Account.AccessDenied"], Severity.Error);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }

        // Moved or refused, the card shows what the database now says (a stale card gets its new place and version).
        await RefreshCardsAsync([card.Id]);
        StateHasChanged();
    }

    private async Task MoveAsync(BoardCard card, BoardColumnDef target)
    {
        var targetName = _columns.FirstOrDefault(c => c.Def.Key == target.Key)?.Name ?? target.Key;
        if (!_board!.HasWorkflow || target.Kind == BoardColumnKind.Status)
        {
            if (target.Status is not { } status || card.WorkflowId is not null || !TicketStatusRules.NextFrom(card.Status).Contains(status))
            {
                throw new DomainException("BoardNotReachable", "The ticket cannot move to that column from where it is.", targetName);
            }

            await Tickets.ChangeStatusAsync(_user!, card.Id, card.Version, status);
            Snackbar.Add(L["Ticket.MovedTo", targetName], Severity.Success);
            return;
        }

        var routes = Routes(card, target);
        if (routes.Count == 0)
        {
            throw new DomainException("BoardNotReachable", "The ticket cannot move to that column from where it is.", targetName);
        }

        var transition = routes.Count == 1 ? routes[0] : await ChooseAsync(routes, targetName);
        if (transition is null)
        {
            return;
        }

        try
        {
            await Tickets.TransitionAsync(_user!, card.Id, card.Version, transition.Id);
        }
        catch (DomainException ex) when (ex.Code == "TransitionFieldsMissing")
        {
            if (!await AskFieldsAsync(card, transition))
            {
                return;
            }
        }

        Snackbar.Add(L["Ticket.MovedTo", targetName], Severity.Success);
    }

    /// <summary>The buttons that take the card to the column, from its own workflow version.</summary>
    private List<WorkflowTransition> Routes(BoardCard card, BoardColumnDef target)
    {
        if (!target.AcceptsDrops || !IsMovable(card))
        {
            return [];
        }

        if (target.Kind == BoardColumnKind.Status)
        {
            // A status column takes tickets without a workflow along the allowed status moves; the click-free route has no button.
            return card.WorkflowId is null && target.Status is { } status && TicketStatusRules.NextFrom(card.Status).Contains(status)
                ? [new WorkflowTransition { Id = "", From = card.Status.ToString(), To = status.ToString() }]
                : [];
        }

        return card.WorkflowId is { } id && _board!.Graphs.TryGetValue(id, out var graph) ? [.. BoardLayout.RoutesTo(graph, card.NodeId, target.Key)] : [];
    }

    private async Task<WorkflowTransition?> ChooseAsync(IReadOnlyList<WorkflowTransition> routes, string targetName)
    {
        var parameters = new DialogParameters<TransitionChoiceDialog> { { d => d.Transitions, routes }, { d => d.Target, targetName } };
        var dialog = await Dialogs.ShowAsync<TransitionChoiceDialog>(L["Board.ChooseTitle"], parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall });
        return await dialog.Result is { Canceled: false, Data: string id } ? routes.FirstOrDefault(r => r.Id == id) : null;
    }

    /// <summary>Asks for exactly the required fields the ticket lacks; the dialog saves them with the move. True when moved.</summary>
    private async Task<bool> AskFieldsAsync(BoardCard card, WorkflowTransition transition)
    {
        var ticket = await Tickets.GetAsync(_user!, card.Id) ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        var node = _board!.Graphs.GetValueOrDefault(card.WorkflowId ?? 0)?.FindNode(card.NodeId);
        var missing = (node?.RequiredFields ?? []).Where(k => !ticket.Fields.ContainsKey(k))
            .Select(ticket.Template.FindField).OfType<Domain.Templates.FieldDefinition>().ToList();
        var parameters = new DialogParameters<RequiredFieldsDialog>
        {
            { d => d.TicketId, card.Id }, { d => d.Number, card.Number }, { d => d.Version, ticket.Version },
            { d => d.TransitionId, transition.Id }, { d => d.TransitionLabel, transition.Label }, { d => d.Fields, missing },
        };
        var dialog = await Dialogs.ShowAsync<RequiredFieldsDialog>(L["Board.FieldsTitle"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        return await dialog.Result is { Canceled: false };
    }

    /// <summary>A supervisor or admin drags a card into another person's lane: the ticket's edit with the new assignee.</summary>
    private async Task ReassignAsync(BoardCard card, string? assigneeId)
    {
        if (!CanReassign)
        {
            throw new DomainException("BoardReassignNotAllowed", "Only a supervisor or an admin reassigns on the board.");
        }

        var ticket = await Tickets.GetAsync(_user!, card.Id) ?? throw new DomainException("TicketNotFound", "The ticket no longer exists.");
        var form = TicketForm.Edit(ticket);
        form.AssigneeId = assigneeId;
        form.Version = card.Version;
        await Tickets.EditAsync(_user!, card.Id, form);
        Snackbar.Add(L["Board.Reassigned", card.Number], Severity.Success);
    }

    private static (string Column, string? Lane) ParseZone(string zone) =>
        zone.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0 ? (zone[..bar], zone[(bar + 1)..]) : (zone, null);
}
