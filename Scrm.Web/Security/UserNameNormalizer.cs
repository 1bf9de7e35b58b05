using Microsoft.AspNetCore.Identity;
using Scrm.Domain.Users;

namespace Scrm.Web.Security;

/// <summary>
/// Identity looks logins up by the domain's normalized name, so the sign-in form, the admin pages and the unique index
/// agree on what one account is: <c>ＺＨＡＮＧ</c> (full-width) and <c>Zhang</c> both find <c>zhang</c>.
/// </summary>
public sealed class UserNameNormalizer : ILookupNormalizer
{
    public string? NormalizeName(string? name) => name is null ? null : UserNames.Normalize(name);

    // E-mail addresses are not sign-in names here; folded the same way so a full-width address matches too.
    public string? NormalizeEmail(string? email) => email is null ? null : UserNames.Normalize(email);
}
