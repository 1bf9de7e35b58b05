using System.Globalization;

namespace Scrm.Domain.Common;

/// <summary>Checks shared by entities; each throws a <see cref="DomainException"/> naming the field.</summary>
public static class Guard
{
    public static string RequiredText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new DomainException("Required", $"{field} is required.", field) { Field = field };
        }

        return Limit(trimmed, field, maxLength);
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limit(trimmed, field, maxLength);
    }

    /// <summary>
    /// The length a user sees: characters outside the basic plane (<c>𠀀</c>, emoji) are two UTF-16 units but one character,
    /// and so are a letter with its combining marks. Every length limit counts this way.
    /// </summary>
    public static int VisibleLength(string text) => new StringInfo(text).LengthInTextElements;

    private static string Limit(string text, string field, int maxLength) =>
        // Cheap first test: a text never has more characters than UTF-16 units.
        text.Length <= maxLength || VisibleLength(text) <= maxLength
            ? text
            : throw new DomainException("TooLong", $"{field} must be at most {maxLength} characters.", field, maxLength) { Field = field };
}
