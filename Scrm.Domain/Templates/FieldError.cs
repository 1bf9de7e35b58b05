namespace Scrm.Domain.Templates;

/// <summary>One problem with one field's value: shown beside that field in the form.</summary>
public sealed record FieldError(string FieldKey, string FieldLabel, string Code, IReadOnlyList<object> Args)
{
    public string Message => Code switch
    {
        "Required" => $"{FieldLabel} is required.",
        "Unknown" => $"The template has no field \"{FieldKey}\".",
        "TooLong" => $"{FieldLabel} must be at most {Args[0]} characters.",
        "NotANumber" => $"{FieldLabel} must be a number.",
        "NotAWholeNumber" => $"{FieldLabel} must be a whole number.",
        "TooManyDecimals" => $"{FieldLabel} can have at most two decimals.",
        "OutOfRange" => $"{FieldLabel} must be between {Args[0]} and {Args[1]}.",
        "NotADate" => $"{FieldLabel} must be a date such as 2026-12-25.",
        "DateOutOfRange" => $"{FieldLabel} must be between {Args[0]} and {Args[1]}.",
        "NotAnOption" => $"\"{Args[0]}\" is not one of the choices of {FieldLabel}.",
        "NotABoolean" => $"{FieldLabel} must be checked or unchecked.",
        "NotAPhone" => $"{FieldLabel} must be a mobile (11 digits) or landline number with area code.",
        "NotACustomer" => $"{FieldLabel} must link an existing customer.",
        "NotAnOrderNumber" => $"{FieldLabel} must be an order number of 4–40 letters, digits, - or _.",
        _ => $"{FieldLabel} is not valid.",
    };
}

/// <summary>
/// Thrown when a ticket's inputs break the rules; lists every problem at once: <see cref="Errors"/> for custom fields,
/// <see cref="InputErrors"/> for standard inputs (title, description…), each naming its input in <see cref="Common.DomainException.Field"/>.
/// </summary>
public sealed class FieldValidationException : Common.DomainException
{
    public FieldValidationException(IReadOnlyList<FieldError> errors, IReadOnlyList<Common.DomainException>? inputErrors = null)
        : base("FieldsInvalid", string.Join(" ", (inputErrors ?? []).Select(e => e.Message).Concat(errors.Select(e => e.Message))))
    {
        Errors = errors;
        InputErrors = inputErrors ?? [];
    }

    public FieldValidationException() : this([]) { }

    public FieldValidationException(string message) : base(message) { Errors = []; InputErrors = []; }

    public FieldValidationException(string message, Exception inner) : base(message, inner) { Errors = []; InputErrors = []; }

    public IReadOnlyList<FieldError> Errors { get; }

    public IReadOnlyList<Common.DomainException> InputErrors { get; }
}
