using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Domain.Common;
using Scrm.Web.Security;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users.Components;

/// <summary>Creates a user (closing with the <see cref="CreatedUser"/>) or edits one (closing with the new version).</summary>
public partial class UserEditDialog
{
    private UserForm _form = new();
    private IReadOnlyCollection<long> _regions = [];
    private IReadOnlyCollection<long> _skills = [];
    private DateTime? _from;
    private string? _error;
    private Dictionary<string, string> _fieldErrors = [];
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;

    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IStringLocalizer<SharedResource> L { get; set; } = default!;

    /// <summary>The regions, skills and partner types to offer.</summary>
    [Parameter, EditorRequired] public UserFormChoices Choices { get; set; } = default!;

    /// <summary>The user to edit; null creates a new one.</summary>
    [Parameter] public UserDetail? User { get; set; }

    private bool IsEdit => User is not null;

    protected override void OnInitialized()
    {
        _form = User is null ? new UserForm() : UserForm.Edit(User);
        _regions = _form.RegionIds.ToList();
        _skills = _form.SkillIds.ToList();
        _from = Choices.Today.ToDateTime(TimeOnly.MinValue);
    }

    private string? ErrorFor(string field) => _fieldErrors.GetValueOrDefault(field);

    private async Task SaveAsync()
    {
        _busy = true;
        (_error, _fieldErrors) = (null, []);
        _form.RegionIds = _regions.ToList();
        _form.SkillIds = _skills.ToList();
        _form.PartnerTypeFrom = _from is { } from ? DateOnly.FromDateTime(from) : null;
        try
        {
            var actor = await CurrentUser.RequireAsync();
            if (User is null)
            {
                var created = await Users.CreateAsync(actor, _form);
                Snackbar.Add(L["Users.Created", created.UserName], Severity.Success);
                Dialog.Close(DialogResult.Ok(created));
            }
            else
            {
                var version = await Users.EditAsync(actor, User.Id, _form);
                Snackbar.Add(L["Users.Saved", _form.DisplayName?.Trim() ?? ""], Severity.Success);
                Dialog.Close(DialogResult.Ok(version));
            }
        }
        catch (DomainException ex)
        {
            // A refusal with a field stands beside that field; the rest above the form.
            if (ex.Field is { } field && field is "UserName" or "DisplayName" or "Phone" or "WeComUserId" or "Role" or "PartnerTypeId" or "PartnerTypeFrom" or "RegionIds" or "SkillIds")
            {
                _fieldErrors[field] = L.Describe(ex);
            }
            else
            {
                _error = L.Describe(ex);
            }
        }
        finally
        {
            _busy = false;
        }
    }
}
