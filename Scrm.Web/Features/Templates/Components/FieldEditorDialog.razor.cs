using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Templates.Components;

/// <summary>
/// Adds a field (<see cref="Field"/> null) or changes one. Stays open while <see cref="Save"/> refuses, showing why
/// beside the input the refusal names; closes with <c>true</c> once saved, cancels on a concurrency conflict.
/// </summary>
public partial class FieldEditorDialog
{
    // Inputs this dialog can point a refusal at; anything else is shown above the form.
    private static readonly string[] Inputs = ["Key", "Label", "HelpText", "Options", "Min", "Max", "MinDate", "MaxDate"];

    private FieldForm _form = new();
    private string? _error;
    private string? _errorField;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The field to change; null to add a new one.</summary>
    [Parameter] public FieldDefinition? Field { get; set; }

    /// <summary>Saves the form; throws <see cref="DomainException"/> when the change is refused.</summary>
    [Parameter, EditorRequired] public Func<FieldForm, Task> Save { get; set; } = default!;

    private bool IsNew => Field is null;

    private string? GeneralError => _error is not null && !Inputs.Contains(_errorField) ? _error : null;

    protected override void OnInitialized() => _form = Field is null ? new FieldForm() : FieldForm.From(Field);

    private string? ErrorFor(string input) => _errorField == input ? _error : null;

    private async Task SaveAsync()
    {
        _busy = true;
        (_error, _errorField) = (null, null);
        try
        {
            // Checked here too, so letters in a bound are named before anything is sent.
            _form.Bounds();
            await Save(_form);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (ConcurrencyConflictException)
        {
            // The page shows the conflict with a reload button; this form's input would be stale anyway.
            Dialog.Cancel();
        }
        catch (DomainException ex)
        {
            (_error, _errorField) = (L.Describe(ex), ex.Field);
        }
        finally
        {
            _busy = false;
        }
    }
}
