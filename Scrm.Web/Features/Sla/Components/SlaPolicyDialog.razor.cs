using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Sla.Components;

/// <summary>Adds or changes one policy. A refusal shows beside its field (or above the form) and nothing is saved.</summary>
public partial class SlaPolicyDialog
{
    private static readonly string[] FieldNames = ["TemplateId", "Urgency", "FirstResponseMinutes", "ResolutionMinutes", "Levels"];

    private SlaPolicyEdit _edit = new();
    private string? _error;
    private string? _errorField;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private SlaAdminService Sla { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The templates and people to choose from.</summary>
    [Parameter, EditorRequired] public SlaAdminView View { get; set; } = default!;

    /// <summary>The policy to change; null adds one.</summary>
    [Parameter] public SlaPolicyForm? Policy { get; set; }

    protected override void OnInitialized() =>
        _edit = Policy is null ? new SlaPolicyEdit { TemplateId = View.Templates.Count > 0 ? View.Templates[0].Id : null } : SlaPolicyEdit.From(Policy);

    // "Levels[2]" belongs to the third level's row; "Levels" (too many) to the list as a whole.
    private bool IsFieldError => _errorField is { } name && (FieldNames.Contains(name) || name.StartsWith("Levels[", StringComparison.Ordinal));

    private string? ErrorFor(string field) => _errorField == field ? _error : null;

    private async Task SaveAsync()
    {
        (_error, _errorField) = (null, null);
        _busy = true;
        try
        {
            await Sla.SavePolicyAsync(await CurrentUser.RequireAsync(), _edit.ToForm());
            Snackbar.Add(L["Sla.PolicySaved"], Severity.Success);
            Dialog.Close(DialogResult.Ok(true));
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
