using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Features.Tickets.Components;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Tickets;

public partial class NewTicketPage
{
    private IReadOnlyList<Option<long>>? _templates;
    private TicketTemplate? _template;
    private TicketForm _form = new();
    private TicketFormErrors? _errors;
    private bool _saving;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private long? _defaultTemplateId;

    [Inject] private Scrm.Web.Security.CurrentUser CurrentUser { get; set; } = default!;

    [Inject] private TicketService Tickets { get; set; } = default!;
    [Inject] private LookupService Lookups { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    // Text, not long?: a hand-edited "?template=abc" must reach the page and be ignored, not end the circuit.
    [SupplyParameterFromQuery(Name = "template")] private string? TemplateParameter { get; set; }

    private long? TemplateId => UrlValues.ParseId(TemplateParameter) ?? _defaultTemplateId;

    protected override async Task OnInitializedAsync()
    {
        _breadcrumbs = [new(L["Nav.TicketCenter"], "tickets"), new(L["Nav.NewTicket"], null, disabled: true)];
        _templates = await Lookups.TemplatesAsync(await CurrentUser.RequireAsync(), activeOnly: true);
        _defaultTemplateId = _templates.Count == 1 ? _templates[0].Id : null;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (TemplateId is { } id && _template?.Id != id)
        {
            _template = await Tickets.GetTemplateForNewTicketAsync(await CurrentUser.RequireAsync(), id);
            _form = new TicketForm { TemplateId = id };
            _errors = null;
        }
    }

    private Task ChooseTemplateAsync(long id)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("template", id), replace: true);
        return Task.CompletedTask;
    }

    private async Task SubmitAsync()
    {
        _saving = true;
        try
        {
            var (id, number) = await Tickets.CreateAsync(await CurrentUser.RequireAsync(), _form);
            Snackbar.Add(L["NewTicket.Created", number], Severity.Success);
            Navigation.NavigateTo($"tickets/{id}");
        }
        catch (DomainException ex)
        {
            _errors = TicketFormErrors.From(L, ex);
        }
        finally
        {
            _saving = false;
        }
    }
}
