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
        "TooManyDecimals" => $"{FieldLabel} can have at most two decimals.",
        "OutOfRange" => $"{FieldLabel} must be between {Args[0]} and {Args[1]}.",
        "NotADate" => $"{FieldLabel} must be a date (yyyy-MM-dd).",
        "DateOutOfRange" => $"{FieldLabel} must be between {Args[0]} and {Args[1]}.",
        "NotAnOption" => $"\"{Args[0]}\" is not one of the choices of {FieldLabel}.",
        "NotABoolean" => $"{FieldLabel} must be checked or unchecked.",
        "NotAPhone" => $"{FieldLabel} must be a mobile (11 digits) or landline number with area code.",
        "NotACustomer" => $"{FieldLabel} must link an existing customer.",
        "NotAnOrderNumber" => $"{FieldLabel} must be an order number of 4–40 letters, digits, - or _.",
        _ => $"{FieldLabel} is not valid.",
    };
}

/// <summary>Thrown when a ticket's field values break the template; lists every problem at once.</summary>
public sealed class FieldValidationException : Common.DomainException
{
    public FieldValidationException(IReadOnlyList<FieldError> errors)
        : base("FieldsInvalid", string.Join(" ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public FieldValidationException() : this([]) { }

    public FieldValidationException(string message) : base(message) { Errors = []; }

    public FieldValidationException(string message, Exception inner) : base(message, inner) { Errors = []; }

    public IReadOnlyList<FieldError> Errors { get; }
}
