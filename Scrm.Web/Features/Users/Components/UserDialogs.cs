using Microsoft.Extensions.Localization;
using MudBlazor;
using Scrm.Web.Shared;

namespace Scrm.Web.Features.Users.Components;

/// <summary>Opens the user dialogs the users page and the user page share.</summary>
public static class UserDialogs
{
    /// <summary>Create (<paramref name="user"/> null) or edit; returns the <see cref="CreatedUser"/> or the new version, or null when cancelled.</summary>
    public static async Task<object?> EditAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, UserFormChoices choices, UserDetail? user)
    {
        var parameters = new DialogParameters<UserEditDialog> { { d => d.Choices, choices }, { d => d.User, user } };
        var dialog = await dialogs.ShowAsync<UserEditDialog>(user is null ? l["Users.New"] : l["Users.EditTitle", user.DisplayName], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        return await dialog.Result is { Canceled: false, Data: { } data } ? data : null;
    }

    /// <summary>Shows a temporary password the one time it exists in clear.</summary>
    public static async Task ShowPasswordAsync(IDialogService dialogs, IStringLocalizer<SharedResource> l, string userName, string password, bool isNew)
    {
        var parameters = new DialogParameters<TemporaryPasswordDialog>
        {
            { d => d.UserName, userName },
            { d => d.Password, password },
            { d => d.IsNew, isNew },
        };
        var dialog = await dialogs.ShowAsync<TemporaryPasswordDialog>(l["Users.TemporaryPassword"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true, BackdropClick = false });
        await dialog.Result;
    }
}
