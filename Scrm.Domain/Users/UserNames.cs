using System.Text;
using System.Text.RegularExpressions;
using Scrm.Domain.Common;

namespace Scrm.Domain.Users;

/// <summary>
/// Sign-in names: 3–50 letters, digits and <c>. _ - @</c>. Two names are the same account when their normalized forms
/// match: case does not count, nor does full-width typing (ＺＨＡＮＧ is zhang).
/// </summary>
public static partial class UserNames
{
    public const int MaxLength = 50;

    /// <summary>The form names are compared and stored unique in (the login's NormalizedUserName).</summary>
    public static string Normalize(string name) => name.Trim().Normalize(NormalizationForm.FormKC).ToUpperInvariant();

    /// <summary>The name as it will be stored (trimmed, full-width folded), or a refusal saying what is wrong.</summary>
    public static string Validate(string? name)
    {
        var text = (name ?? "").Trim().Normalize(NormalizationForm.FormKC);
        if (text.Length == 0)
        {
            throw new DomainException("Required", "UserName is required.", "UserName") { Field = "UserName" };
        }

        if (!Pattern().IsMatch(text))
        {
            throw new DomainException("UserNameInvalid", "A user name is 3–50 letters, digits or . _ - @, such as zhang.wei.") { Field = "UserName" };
        }

        return text;
    }

    public static bool SameAccount(string a, string b) => Normalize(a) == Normalize(b);

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,50}$")]
    private static partial Regex Pattern();
}
