using Microsoft.AspNetCore.Identity;
using Scrm.Data.Identity;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>
/// Every password Identity sets (a user's own change, an admin's reset) passes the domain's <see cref="PasswordPolicy"/>
/// in place of Identity's composition rules. The error code is the <see cref="PasswordProblem"/> name, so callers can
/// show <c>Account.Password{Code}</c> in the user's language.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ScrmUser>
{
    public const string CodePrefix = "PasswordPolicy.";

    public Task<IdentityResult> ValidateAsync(UserManager<ScrmUser> manager, ScrmUser user, string? password)
    {
        var problems = PasswordPolicy.Check(user.UserName ?? "", password);
        return Task.FromResult(problems.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed([.. problems.Select(p => new IdentityError { Code = CodePrefix + p, Description = Describe(p) })]));
    }

    /// <summary>The problems behind a failed Identity result, for showing in the user's language.</summary>
    public static IReadOnlyList<PasswordProblem> ProblemsIn(IdentityResult result) =>
        [.. result.Errors.Select(e => e.Code.StartsWith(CodePrefix, StringComparison.Ordinal)
                && Enum.TryParse<PasswordProblem>(e.Code[CodePrefix.Length..], out var p) ? p : (PasswordProblem?)null)
            .OfType<PasswordProblem>()];

    private static string Describe(PasswordProblem problem) => problem switch
    {
        PasswordProblem.TooShort => $"A password has at least {PasswordPolicy.MinLength} characters.",
        PasswordProblem.SameAsUserName => "A password must not contain the user name.",
        _ => "This password is among the first ones attackers try.",
    };
}
