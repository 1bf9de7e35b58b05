using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Scrm.Data;
using Scrm.Data.Identity;
using Scrm.Domain.Common;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Account;

/// <summary>What is wrong with a password change; the form shows each beside its field as <c>Account.PasswordError.{name}</c>.</summary>
public enum PasswordChangeError
{
    CurrentRequired,
    CurrentWrong,
    NewRequired,
    TooLong,
    TooShort,
    SameAsUserName,
    Common,
    Mismatch,
}

/// <summary>The change-password form's fields, as posted.</summary>
public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword)
{
    public const int MaxLength = 128;
}

/// <summary>
/// A signed-in user choosing a new password (from My account, or forced after an admin's reset): every problem is found
/// before anything is written, then the password and the profile change together and the user gets a fresh cookie.
/// Runs inside an HTTP request (the endpoint), because only a request can set the cookie.
/// </summary>
public sealed class PasswordChange(SignInManager<ScrmUser> signIn, AccountService accounts, ScrmDbContext identityDb)
{
    public async Task<IReadOnlyList<PasswordChangeError>> ChangeAsync(ClaimsPrincipal principal, ChangePasswordRequest request, CancellationToken ct = default)
    {
        var actor = CurrentUser.FromPrincipal(principal, ActorChannel.Web) ?? throw new ForbiddenException();
        var users = signIn.UserManager;
        var user = await users.GetUserAsync(principal) ?? throw new ForbiddenException();

        var errors = new List<PasswordChangeError>();
        await CheckCurrentAsync(users, user, request.CurrentPassword, errors);
        await CheckNewAsync(users, user, request, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        await accounts.ChangePasswordAsync(actor, users.PasswordHasher.HashPassword(user, request.NewPassword!), ct);

        // The change was saved through its own context; this request's copy of the login still has the old stamp.
        await identityDb.Entry(user).ReloadAsync(ct);
        await signIn.RefreshSignInAsync(user);
        return errors;
    }

    private static async Task CheckCurrentAsync(UserManager<ScrmUser> users, ScrmUser user, string? current, List<PasswordChangeError> errors)
    {
        if (string.IsNullOrEmpty(current))
        {
            errors.Add(PasswordChangeError.CurrentRequired);
        }
        else if (current.Length > ChangePasswordRequest.MaxLength || !await users.CheckPasswordAsync(user, current))
        {
            errors.Add(PasswordChangeError.CurrentWrong);
        }
    }

    /// <summary>The new password through Identity's validators (the domain policy, <see cref="PasswordPolicyValidator"/>).</summary>
    private static async Task CheckNewAsync(UserManager<ScrmUser> users, ScrmUser user, ChangePasswordRequest request, List<PasswordChangeError> errors)
    {
        var password = request.NewPassword;
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(PasswordChangeError.NewRequired);
            return;
        }

        if (password.Length > ChangePasswordRequest.MaxLength)
        {
            errors.Add(PasswordChangeError.TooLong);
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(PasswordPolicyValidator.ProblemsIn(result).Select(p => Enum.Parse<PasswordChangeError>(p.ToString())));
        }

        if (password != request.ConfirmPassword)
        {
            errors.Add(PasswordChangeError.Mismatch);
        }
    }
}
