using System.Collections.ObjectModel;
using Scrm.Domain.Templates;

namespace Scrm.Domain.Conditions;

/// <summary>
/// 条件判断: "<see cref="Subject"/> <see cref="Operator"/> <see cref="Operands"/>", e.g. "amount GreaterThan 1000.00" or
/// "Urgency InList Urgent, High". Operands are canonical (see <see cref="Create"/>); <see cref="ConditionOperators.Arity"/> says how
/// many an operator takes. Equal conditions are equal by value, operand lists included.
/// </summary>
public sealed partial record Condition
{
    private readonly string[] _operands = [];
    private readonly ReadOnlyCollection<string> _operandList = ReadOnlyCollection<string>.Empty;

    /// <summary>Takes <paramref name="operands"/> as they are: use <see cref="Create"/> for what a user typed.</summary>
    public Condition(ConditionSubject subject, ConditionOperator @operator, IReadOnlyList<string> operands)
    {
        Subject = subject;
        Operator = @operator;
        Operands = operands;
    }

    // `with` copies through here: the compiled operands belong to the original, whose operator or operands may be the ones replaced.
    private Condition(Condition original)
    {
        Subject = original.Subject;
        Operator = original.Operator;
        _operands = original._operands;
        _operandList = original._operandList;
    }

    public ConditionSubject Subject { get; init; }

    public ConditionOperator Operator { get; init; }

    /// <summary>The values to compare with, in canonical form; a copy of what was given, so it cannot change afterwards.</summary>
    public IReadOnlyList<string> Operands
    {
        get => _operandList;
        init
        {
            _operands = value is null ? [] : value.Select(o => o ?? "").ToArray();
            _operandList = Array.AsReadOnly(_operands);
        }
    }

    /// <summary>A condition on a custom field whose operands are already canonical (seed data, tests).</summary>
    public static Condition OnField(string key, ConditionOperator op, params string[] operands) => new(ConditionSubject.Field(key), op, operands);

    /// <summary>A condition on a built-in fact whose operands are already canonical (enum names, ids).</summary>
    public static Condition On(BuiltInSubject subject, ConditionOperator op, params string[] operands) => new(ConditionSubject.Of(subject), op, operands);

    /// <summary>
    /// Builds a condition from what an admin entered: operands are trimmed, blank ones dropped, and each is stored in the form
    /// the subject holds (<c>¥1,000</c> → <c>1000.00</c>, <c>2026-12-01T08:00</c> → <c>2026-12-01</c>, <c>urgent</c> → <c>Urgent</c>).
    /// Operands given to <see cref="ConditionOperator.IsEmpty"/> or <see cref="ConditionOperator.IsNotEmpty"/> are ignored.
    /// </summary>
    /// <exception cref="Common.DomainException">The first problem <see cref="Validate"/> would report; <c>Field</c> is
    /// <c>Subject</c>, <c>Operator</c> or <c>Operands</c>.</exception>
    public static Condition Create(ConditionSubject subject, ConditionOperator op, IEnumerable<string?>? rawOperands, TicketTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var operands = op.Arity() == OperandArity.None
            ? []
            : (rawOperands ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToArray();
        var problem = Check(subject, op, operands, template, requireCanonical: false, out var canonical);
        return problem is null ? new Condition(subject, op, canonical) : throw problem.ToException();
    }

    /// <summary>
    /// Problems that keep this condition from working with <paramref name="template"/>: a field it does not have, an operator
    /// the subject's type does not offer, the wrong number of operands, or an operand the subject could not hold (or not in
    /// canonical form). At most one problem per condition, the first found.
    /// </summary>
    public IReadOnlyList<ConditionProblem> Validate(TicketTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problem = Check(Subject, Operator, _operands, template, requireCanonical: true, out _);
        return problem is null ? [] : [problem with { Condition = this }];
    }

    public bool Equals(Condition? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Operator == other.Operator && Equals(Subject, other.Subject) && _operands.AsSpan().SequenceEqual(other._operands)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Subject);
        hash.Add(Operator);
        foreach (var operand in _operands)
        {
            hash.Add(operand, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => _operands.Length == 0
        ? $"{Subject} {Operator}"
        : $"{Subject} {Operator} {string.Join(" | ", _operands)}";

    private static ConditionProblem? Check(ConditionSubject? subject, ConditionOperator op, string[] operands, TicketTemplate template,
        bool requireCanonical, out string[] canonical)
    {
        canonical = [];
        if (subject is null || !subject.IsWellFormed)
        {
            return Fail("GuardSubjectInvalid", subject?.ToString() ?? "(nothing)");
        }

        FieldDefinition? field = null;
        if (subject.FieldKey is { } key)
        {
            field = template.FindField(key);
            if (field is null)
            {
                return Fail("GuardFieldMissing", key);
            }
        }

        var builtIn = subject.BuiltIn.GetValueOrDefault();
        var label = field?.Label ?? builtIn.ToString();
        var allowed = field is null ? ConditionOperators.For(builtIn) : ConditionOperators.For(field.Type);
        if (!allowed.Contains(op))
        {
            return Fail("GuardOperatorInvalid", op.ToString(), label);
        }

        if (!op.AcceptsOperandCount(operands.Length))
        {
            return Fail("GuardOperandCount", op.ToString(), label, op.Arity());
        }

        var values = new string[operands.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = field is null
                ? ConditionOperands.Normalize(builtIn, operands[i])
                : ConditionOperands.Normalize(field, op, operands[i], allowRelativeDates: true);
            if (value is null || (requireCanonical && !string.Equals(value, operands[i], StringComparison.Ordinal)))
            {
                return Fail("GuardOperandInvalid", operands[i] ?? "", label);
            }

            values[i] = value;
        }

        if (op == ConditionOperator.Between && field is not null && IsInverted(field.Type, values[0], values[1]))
        {
            return Fail("GuardRangeInverted", values[0], values[1], label);
        }

        canonical = values;
        return null;
    }

    private static bool IsInverted(FieldType type, string low, string high)
    {
        if (type.IsNumeric())
        {
            return ConditionOperands.TryParseNumber(low, out var a) && ConditionOperands.TryParseNumber(high, out var b) && a > b;
        }

        if (ConditionOperands.TryParseRelativeDay(low, out var lowDays) && ConditionOperands.TryParseRelativeDay(high, out var highDays))
        {
            return lowDays > highDays;
        }

        // A relative bound against a fixed one can only be judged on the day: such a range is allowed.
        return ConditionOperands.TryParseDate(low, out var from) && ConditionOperands.TryParseDate(high, out var to) && from > to;
    }

    private static ConditionProblem Fail(string code, params object[] args) => new(code, args);
}
