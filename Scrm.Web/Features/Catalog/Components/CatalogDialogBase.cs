using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Catalog.Components;

/// <summary>
/// What the catalog's form dialogs share: a refusal naming a field stands beside that field, any other above the form;
/// a save shows a snackbar and closes the dialog.
/// </summary>
public abstract class CatalogDialogBase : ComponentBase
{
    private Dictionary<string, string> _fieldErrors = [];

    /// <summary>A refusal that names no field of the form, shown above it.</summary>
    protected string? FormError { get; private set; }

    /// <summary>A save is running: the buttons wait.</summary>
    protected bool Busy { get; private set; }

    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] protected CurrentUser CurrentUser { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    protected string? ErrorFor(string field) => _fieldErrors.GetValueOrDefault(field);

    protected void SetFieldError(string field, string message) => _fieldErrors[field] = message;

    /// <summary>Runs the save; <paramref name="save"/> returns the snackbar's text.</summary>
    protected async Task SubmitAsync(Func<Actor, Task<string>> save)
    {
        (Busy, FormError, _fieldErrors) = (true, null, []);
        try
        {
            var done = await save(await CurrentUser.RequireAsync());
            Snackbar.Add(done, Severity.Success);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (DomainException e)
        {
            if (e.Field is { } field && HasField(field))
            {
                _fieldErrors[field] = L.Describe(e);
            }
            else
            {
                FormError = L.Describe(e);
            }
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>Whether the form shows this field (so its refusal can stand beside it).</summary>
    protected abstract bool HasField(string field);
}
