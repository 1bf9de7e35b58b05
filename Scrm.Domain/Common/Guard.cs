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

    /// <summary>
    /// The UTF-16 units stored for a text of at most <paramref name="visibleMax"/> characters: a column this wide holds
    /// <paramref name="visibleMax"/> characters outside the basic plane, and the browser's <c>maxlength</c> (which counts
    /// units) is the same number.
    /// </summary>
    public static int StorageLength(int visibleMax) => visibleMax * 2;

    /// <summary>Whether a text is within a limit of <paramref name="visibleMax"/> characters, and so fits its column.</summary>
    public static bool Fits(string text, int visibleMax) =>
        // Cheap first test: a text never has more characters than UTF-16 units.
        text.Length <= visibleMax || (text.Length <= StorageLength(visibleMax) && VisibleLength(text) <= visibleMax);

    /// <summary>The text cut to at most <paramref name="visibleMax"/> characters, never inside one: for text the app writes itself.</summary>
    public static string Clip(string text, int visibleMax)
    {
        if (Fits(text, visibleMax))
        {
            return text;
        }

        var info = new StringInfo(text);
        return info.SubstringByTextElements(0, visibleMax);
    }

    private static string Limit(string text, string field, int maxLength) =>
        Fits(text, maxLength)
            ? text
            : throw new DomainException("TooLong", $"{field} must be at most {maxLength} characters.", field, maxLength) { Field = field };
}
