using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Web.Security;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

public partial class TicketPage
{
    private TicketView? _ticket;
    private Actor? _user;
    private bool _notFound;
    private bool _busy;
    private bool _conflict;
    private int _tab;
    private TicketForm? _form;
    private TicketFormErrors? _errors;
    private List<BreadcrumbItem> _breadcrumbs = [];

    /// <summary>The ticket id as typed in the URL: text, so "/tickets/abc" shows "not found" instead of failing.</summary>
    [Parameter] public string Id { get; set; } = "";

    private long TicketId => UrlValues.ParseId(Id) ?? 0;

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        // The prerender shows the loading bar only: its queries would be thrown away, as the interactive render that
        // follows at once builds the page anew. The ticket is read once, by the render the user works in.
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        _user = await CurrentUser.GetAsync();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        try
        {
            _ticket = TicketId > 0 ? await Tickets.GetAsync(await CurrentUser.RequireAsync(), TicketId) : null;
        }
        catch (ForbiddenException)
        {
            _ticket = null;
        }

        _notFound = _ticket is null;
        (_conflict, _changedBy, _form, _errors) = (false, null, null, null);
        // Technicians and customers reach tickets from their home page, not the ticket center.
        BreadcrumbItem root = _user?.Role switch
        {
            Scrm.Domain.Users.Role.Technician => new(L["Nav.MyWork"], ""),
            Scrm.Domain.Users.Role.Customer => new(L["Nav.MyTickets"], ""),
            _ => new(L["Nav.TicketCenter"], "tickets"),
        };
        _breadcrumbs = [root, new(_ticket?.Number ?? "", null, disabled: true)];
    }

    private void StartEdit()
    {
        if (_ticket is null)
        {
            return;
        }

        _form = TicketForm.Edit(_ticket);
        _tab = 0;
    }

    private void CancelEdit() => (_form, _errors) = (null, null);

    private async Task SaveAsync()
    {
        if (_form is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Tickets.EditAsync(await CurrentUser.RequireAsync(), TicketId, _form);
            Snackbar.Add(L["Ticket.Saved"], Severity.Success);
            await ReloadAsync();
        });
    }

    private async Task ChangeStatusAsync(TicketStatus next)
    {
        if (_ticket is null)
        {
            return;
        }

        if (next == TicketStatus.Cancelled)
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(L["Ticket.CancelTitle"], L["Ticket.CancelConfirm", _ticket.Number],
                yesText: L["Action.Cancelled"], cancelText: L["Common.Back"]);
            if (confirmed != true)
            {
                return;
            }
        }

        await RunAsync(async () =>
        {
            await Tickets.ChangeStatusAsync(await CurrentUser.RequireAsync(), TicketId, _ticket.Version, next);
            Snackbar.Add(L["Ticket.StatusChanged", L[$"Status.{next}"]], Severity.Success);
            await ReloadAsync();
        });
    }

    private async Task TransitionAsync(string transitionId)
    {
        if (_ticket is null)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Tickets.TransitionAsync(await CurrentUser.RequireAsync(), TicketId, _ticket.Version, transitionId);
            await ReloadAsync();
            Snackbar.Add(L["Ticket.MovedTo", _ticket?.Workflow?.CurrentNodeName ?? L[$"Status.{_ticket?.Status}"]], Severity.Success);
        });
    }

    /// <summary>Runs a save; a refusal is shown where the user can act on it and nothing else changes.</summary>
    private async Task RunAsync(Func<Task> save)
    {
        _busy = true;
        try
        {
            await save();
        }
        catch (ConcurrencyConflictException)
        {
            _conflict = true;
        }
        catch (DomainException ex) when (_form is not null)
        {
            _errors = TicketFormErrors.From(L, ex);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
