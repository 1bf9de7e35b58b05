namespace Scrm.Domain.Conditions;

/// <summary>
/// One reason a condition cannot be used with a template. <see cref="Message"/> is English for logs and the workflow
/// validator; <see cref="Code"/> and <see cref="Args"/> are the localization key <c>Error.{Code}</c> and its values.
/// </summary>
public sealed record ConditionProblem(string Code, IReadOnlyList<object> Args)
{
    /// <summary>The condition the problem is about; null for a problem with a whole group (nested too deep).</summary>
    public Condition? Condition { get; init; }

    public string Message => Code switch
    {
        "GuardSubjectInvalid" => $"A condition must test either a field or a ticket fact ({Args[0]}).",
        "GuardFieldMissing" => $"The condition tests the field \"{Args[0]}\", which the template does not have.",
        "GuardOperatorInvalid" => $"The operator {Args[0]} does not apply to {Args[1]}.",
        "GuardOperandCount" => $"{Args[1]} {Args[0]} takes {Expected(Args[2])}.",
        "GuardOperandInvalid" => $"\"{Args[0]}\" is not a value {Args[1]} can take.",
        "GuardRangeInverted" => $"The range for {Args[2]} runs backwards: {Args[0]} is after {Args[1]}.",
        "GuardTooDeep" => $"Condition groups can be nested at most {Args[0]} levels deep.",
        _ => Code,
    };

    private static string Expected(object arity) => arity switch
    {
        OperandArity.None => "no value",
        OperandArity.One => "exactly one value",
        OperandArity.Two => "two values (from and to)",
        _ => "one or more values",
    };

    /// <summary>The input a form should show the problem beside.</summary>
    internal string InputName => Code switch
    {
        "GuardSubjectInvalid" or "GuardFieldMissing" => "Subject",
        "GuardOperatorInvalid" => "Operator",
        _ => "Operands",
    };

    internal Common.DomainException ToException() => new(Code, Message, [.. Args]) { Field = InputName };
}
