using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets.Components;

/// <summary>
/// 客户评价: the finished ticket's satisfaction rating, and for the desk and the ticket's customer a way to record or
/// change it. The service re-checks who may; a refusal is shown in the card, where the user can act on it.
/// </summary>
public partial class TicketRatingCard
{
    private bool _editing;
    private bool _busy;
    private int _score;
    private string? _comment;
    private string? _error;
    private bool _conflict;

    /// <summary>The ticket as the page shows it; its version is the one the rating is saved against.</summary>
    [Parameter, EditorRequired] public TicketView Ticket { get; set; } = default!;

    /// <summary>Called after the rating is saved, or when the user asks for the latest ticket after a conflict: the page reloads.</summary>
    [Parameter] public EventCallback OnChanged { get; set; }

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private string By(TicketRatingView rating) => rating.RatedByName is { } name
        ? L["Rating.RatedBy", name, ChinaTime.Format(rating.RatedAt)]
        : ChinaTime.Format(rating.RatedAt);

    private void StartEdit() =>
        (_editing, _score, _comment, _error, _conflict) = (true, Ticket.Rating?.Score ?? 0, Ticket.Rating?.Comment, null, false);

    /// <summary>After a conflict: the page reads the ticket again and the user saves their rating against the latest version.</summary>
    private async Task ReloadAsync()
    {
        await OnChanged.InvokeAsync();
        (_error, _conflict) = (null, false);
    }

    private void CancelEdit() => (_editing, _error, _conflict) = (false, null, false);

    private async Task SaveAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            await Tickets.RateAsync(await CurrentUser.RequireAsync(), Ticket.Id, Ticket.Version, _score, _comment);
            _editing = false;
            Snackbar.Add(L["Rating.Saved"], Severity.Success);
            await OnChanged.InvokeAsync();
        }
        catch (DomainException ex)
        {
            // A stale version, a refusal, a comment too long: said in the card, the user's score and comment kept.
            _conflict = ex is ConcurrencyConflictException;
            _error = _conflict ? L["Rating.Conflict"] : L.Describe(ex);
        }
        finally
        {
            _busy = false;
        }
    }
}
