namespace Scrm.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Exception.Message"/> is written for the user (English, the code language);
/// <see cref="Code"/> plus <see cref="Args"/> let the UI show it in the user's language.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message, params object[] args) : base(message)
    {
        Code = code;
        Args = args;
    }

    public DomainException() : this("Error", "The operation was refused.") { }

    public DomainException(string message) : this("Error", message) { }

    public DomainException(string message, Exception inner) : base(message, inner)
    {
        Code = "Error";
        Args = [];
    }

    /// <summary>Stable key of the rule, used as the localization key <c>Error.{Code}</c>.</summary>
    public string Code { get; } = "Error";

    /// <summary>Values to format into the localized message, in order.</summary>
    public IReadOnlyList<object> Args { get; } = [];

    /// <summary>The field the problem concerns, when there is one, so a form can show it beside the input.</summary>
    public string? Field { get; init; }
}
