using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Features.Templates.Components;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Templates;

public partial class TemplateEditPage
{
    private TicketTemplate? _template;
    private long _version;
    private TemplateForm _header = new();
    private string? _headerError;
    private string? _headerErrorField;
    private bool _notFound;
    private bool _busy;
    private bool _conflict;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Parameter] public long Id { get; set; }

    [Inject] private TemplateService Templates { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    private bool IsFull => _template?.Fields.Count >= TicketTemplate.MaxFields;

    protected override Task OnParametersSetAsync() => ReloadAsync();

    /// <summary>Shows the template as it is now, dropping unsaved header edits (first load, or after a conflict).</summary>
    private async Task ReloadAsync()
    {
        await LoadAsync();
        _conflict = false;
        (_headerError, _headerErrorField) = (null, null);
        if (_template is not null)
        {
            _version = _template.Version;
            _header = TemplateForm.From(_template);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _template = await Templates.GetAsync(await CurrentUser.RequireAsync(), Id);
        }
        catch (ForbiddenException)
        {
            _template = null;
        }

        _notFound = _template is null;
        _breadcrumbs = [new(L["Templates.Title"], "admin/templates"), new(_template?.Name ?? "", null, disabled: true)];
    }

    /// <summary>
    /// Makes one change on the version the admin saw and keeps the version it returns for the next one.
    /// Refusals are thrown to the caller, which shows them where the admin can act; a conflict also raises the alert.
    /// </summary>
    private async Task ApplyAsync(Func<Actor, long, Task<long>> change, string saved)
    {
        _busy = true;
        try
        {
            var version = await change(await CurrentUser.RequireAsync(), _version);
            await LoadAsync();
            _version = version;
            Snackbar.Add(saved, Severity.Success);
        }
        catch (ConcurrencyConflictException)
        {
            _conflict = true;
            throw;
        }
        finally
        {
            _busy = false;

            // Dialogs and the rule editor call this through a delegate, not an event of this page.
            StateHasChanged();
        }
    }

    /// <summary>A change started from the page itself: a refusal becomes a snackbar saying why.</summary>
    private async Task RunAsync(Func<Actor, long, Task<long>> change, string saved)
    {
        try
        {
            await ApplyAsync(change, saved);
        }
        catch (ConcurrencyConflictException)
        {
            // ApplyAsync raised the alert with its reload button.
        }
        catch (DomainException ex)
        {
            Snackbar.Add(L.Describe(ex), Severity.Error);
        }
    }

    private async Task SaveHeaderAsync()
    {
        (_headerError, _headerErrorField) = (null, null);
        try
        {
            await ApplyAsync((actor, v) => Templates.UpdateAsync(actor, Id, v, _header.Name, _header.Description, _header.IsActive), L["Templates.Saved"]);
            _header = TemplateForm.From(_template!);
        }
        catch (ConcurrencyConflictException)
        {
            // The alert offers a reload; the admin's input stays until then.
        }
        catch (DomainException ex)
        {
            (_headerError, _headerErrorField) = (L.Describe(ex), ex.Field);
            if (ex.Field is not ("Name" or "Description"))
            {
                Snackbar.Add(_headerError, Severity.Error);
            }
        }
    }

    private Task AddFieldAsync() => ShowFieldEditorAsync(null, L["Templates.AddField"],
        form => ApplyAsync((actor, v) => Templates.AddFieldAsync(actor, Id, v, form), L["Templates.FieldAdded", form.Label?.Trim() ?? ""]));

    private Task EditFieldAsync(FieldDefinition field) => ShowFieldEditorAsync(field, L["Templates.EditFieldTitle", field.Label],
        form => ApplyAsync((actor, v) => Templates.UpdateFieldAsync(actor, Id, v, field.Key, form), L["Templates.FieldSaved", form.Label?.Trim() ?? ""]));

    private async Task ShowFieldEditorAsync(FieldDefinition? field, string title, Func<FieldForm, Task> save)
    {
        var parameters = new DialogParameters<FieldEditorDialog> { { d => d.Field, field }, { d => d.Save, save } };
        var dialog = await Dialogs.ShowAsync<FieldEditorDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        await dialog.Result;
    }

    private Task MoveFieldAsync(FieldMove move) =>
        RunAsync((actor, v) => Templates.MoveFieldAsync(actor, Id, v, move.Key, move.Delta), L["Templates.FieldMoved"]);

    private async Task DeleteFieldAsync(FieldDefinition field)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Templates.DeleteField"], L["Templates.DeleteFieldConfirm", field.Label],
            yesText: L["Templates.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync((actor, v) => Templates.RemoveFieldAsync(actor, Id, v, field.Key), L["Templates.FieldDeleted", field.Label]);
        }
    }

    private Task AddRuleAsync(RuleForm form) => ApplyAsync((actor, v) => Templates.AddRuleAsync(actor, Id, v, form), L["Templates.RuleAdded"]);

    private async Task DeleteRuleAsync(FieldRule rule)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["Templates.DeleteRule"], L["Templates.DeleteRuleConfirm", L.Describe(_template!, rule)],
            yesText: L["Templates.Delete"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync((actor, v) => Templates.RemoveRuleAsync(actor, Id, v, rule.Id), L["Templates.RuleDeleted"]);
        }
    }
}
