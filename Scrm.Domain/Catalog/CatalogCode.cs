using System.Text.RegularExpressions;
using Scrm.Domain.Common;

namespace Scrm.Domain.Catalog;

/// <summary>
/// The code of a service item or spare part (e.g. <c>AC-INSTALL-1P</c>): trimmed, upper case, letters A–Z, digits and
/// hyphens, at most <see cref="MaxLength"/>. Imports, price books and people name an item by it, so it never changes.
/// </summary>
public static partial class CatalogCode
{
    public const int MaxLength = 32;

    /// <summary>The canonical form of <paramref name="code"/>; a <see cref="DomainException"/> on <c>Code</c> when it is not one.</summary>
    public static string Normalize(string? code)
    {
        var text = code?.Trim().ToUpperInvariant() ?? "";
        if (text.Length == 0)
        {
            throw new DomainException("Required", "Code is required.", "Code") { Field = "Code" };
        }

        if (text.Length > MaxLength)
        {
            throw new DomainException("TooLong", $"Code must be at most {MaxLength} characters.", "Code", MaxLength) { Field = "Code" };
        }

        return Pattern().IsMatch(text)
            ? text
            : throw new DomainException("CatalogCodeInvalid", "A code uses only letters A–Z, digits and hyphens (-), such as AC-INSTALL-1P.") { Field = "Code" };
    }

    [GeneratedRegex("^[A-Z0-9-]+$")]
    private static partial Regex Pattern();
}
