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

        if (trimmed.Length > maxLength)
        {
            throw new DomainException("TooLong", $"{field} must be at most {maxLength} characters.", field, maxLength) { Field = field };
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException("TooLong", $"{field} must be at most {maxLength} characters.", field, maxLength) { Field = field };
        }

        return trimmed;
    }
}
