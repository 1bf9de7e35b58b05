using System.Text.Json;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;

namespace Scrm.Domain.Conditions;

// Evaluation runs for every guard and branch of every transition, so it is written to allocate nothing once warm: operands are
// parsed once per condition (and per field type, in case a definition is read against another template) and cached, values
// are parsed from spans, and nothing uses LINQ or regular expressions.
public sealed partial record Condition
{
    private const int BuiltInKeyBase = 100;

    private Compiled? _compiled;

    /// <summary>
    /// True when the condition holds for <paramref name="context"/>, reading each field with its type from <paramref name="fieldTypes"/>.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>Numbers and money compare as decimals; text case-insensitively; a multi-select contains an option or not; a checkbox is
    /// empty when unchecked.</item>
    /// <item>A date field has no time of day: it stands for that whole day in China time. <see cref="ConditionOperator.Before"/>,
    /// <see cref="ConditionOperator.After"/> and <see cref="ConditionOperator.Between"/> (inclusive) compare days; a relative operand
    /// (<c>today-7</c>) counts from the China day of <see cref="ConditionContext.NowUtc"/>; <see cref="ConditionOperator.WithinLastHours"/>
    /// holds when some moment of that day falls in the last N hours before <see cref="ConditionContext.NowUtc"/> (so today always does,
    /// a future day never).</item>
    /// <item>Urgency compares by rank: <see cref="ConditionOperator.GreaterThan"/> means more urgent than.</item>
    /// <item>Without a value (empty field, unchecked box, no region, no customer level, no acting user, or a field the template no
    /// longer has) only <see cref="ConditionOperator.IsEmpty"/>, <see cref="ConditionOperator.NotEquals"/>,
    /// <see cref="ConditionOperator.NotContains"/> and <see cref="ConditionOperator.NotInList"/> hold.</item>
    /// <item>A condition that <see cref="Validate"/> would refuse for the type (wrong operator, operand count or operand) never holds; it
    /// does not throw.</item>
    /// </list>
    /// </remarks>
    public bool Evaluate(ConditionContext context, IReadOnlyDictionary<string, FieldType> fieldTypes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fieldTypes);
        var subject = Subject;
        if (subject is null || !subject.IsWellFormed)
        {
            return false;
        }

        if (subject.BuiltIn is { } builtIn)
        {
            return EvaluateBuiltIn(builtIn, context);
        }

        var key = subject.FieldKey!;
        if (!fieldTypes.TryGetValue(key, out var type))
        {
            return Operator.AcceptsOperandCount(_operands.Length) && (Operator == ConditionOperator.IsEmpty || HoldsWithoutValue);
        }

        context.Fields.TryGetValue(key, out var value);
        return EvaluateValue(type, value, context.NowUtc);
    }

    /// <summary>Evaluates against one field value (canonical, or null when empty); the rule engine of 智能必填 uses this directly.</summary>
    internal bool EvaluateValue(FieldType type, string? value, DateTime nowUtc)
    {
        var compiled = CompiledFor((int)type);
        if (!compiled.IsValid)
        {
            return false;
        }

        var present = type switch
        {
            FieldType.Checkbox => string.Equals(value, "true", StringComparison.OrdinalIgnoreCase),
            FieldType.MultiSelect => !string.IsNullOrEmpty(value) && value != "[]",
            _ => !string.IsNullOrEmpty(value),
        };

        switch (Operator)
        {
            case ConditionOperator.IsEmpty:
                return !present;
            case ConditionOperator.IsNotEmpty:
                return present;
        }

        if (!present)
        {
            return HoldsWithoutValue;
        }

        return type switch
        {
            FieldType.Number or FieldType.WholeNumber or FieldType.Money => EvaluateNumber(compiled, value!),
            FieldType.Date => EvaluateDate(compiled, value!, nowUtc),
            FieldType.MultiSelect => ContainsItem(value!, compiled.Items[0], compiled.Items[1]) == (Operator == ConditionOperator.Contains),
            _ => EvaluateText(compiled, value!),
        };
    }

    private bool HoldsWithoutValue => Operator is ConditionOperator.NotEquals or ConditionOperator.NotContains or ConditionOperator.NotInList;

    private bool EvaluateNumber(Compiled compiled, string value)
    {
        if (!ConditionOperands.TryParseNumber(value, out var v))
        {
            return HoldsWithoutValue;
        }

        var n = compiled.Numbers;
        return Operator switch
        {
            ConditionOperator.Equals => v == n[0],
            ConditionOperator.NotEquals => v != n[0],
            ConditionOperator.GreaterThan => v > n[0],
            ConditionOperator.GreaterOrEqual => v >= n[0],
            ConditionOperator.LessThan => v < n[0],
            ConditionOperator.LessOrEqual => v <= n[0],
            ConditionOperator.Between => v >= n[0] && v <= n[1],
            ConditionOperator.InList => IndexOf(n, v) >= 0,
            ConditionOperator.NotInList => IndexOf(n, v) < 0,
            _ => false,
        };
    }

    private bool EvaluateDate(Compiled compiled, string value, DateTime nowUtc)
    {
        if (!ConditionOperands.TryParseDate(value, out var date))
        {
            return HoldsWithoutValue;
        }

        var day = date.DayNumber;
        var now = (nowUtc.Kind == DateTimeKind.Local ? nowUtc.ToUniversalTime() : nowUtc).Ticks;
        if (Operator == ConditionOperator.WithinLastHours)
        {
            // The day runs from its midnight in China; it counts when it has begun and ends after the window opens.
            var start = (day * TimeSpan.TicksPerDay) - ChinaTime.Offset.Ticks;
            return start <= now && start + TimeSpan.TicksPerDay > now - compiled.WindowTicks;
        }

        var today = (int)((now + ChinaTime.Offset.Ticks) / TimeSpan.TicksPerDay);
        var first = compiled.Dates[0].Resolve(today);
        return Operator switch
        {
            ConditionOperator.Equals => day == first,
            ConditionOperator.NotEquals => day != first,
            ConditionOperator.Before => day < first,
            ConditionOperator.After => day > first,
            ConditionOperator.Between => day >= first && day <= compiled.Dates[1].Resolve(today),
            _ => false,
        };
    }

    private bool EvaluateText(Compiled compiled, string value)
    {
        var t = compiled.Texts;
        return Operator switch
        {
            ConditionOperator.Equals => string.Equals(value, t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.NotEquals => !string.Equals(value, t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.Contains => value.Contains(t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.NotContains => !value.Contains(t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.StartsWith => value.StartsWith(t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.EndsWith => value.EndsWith(t[0], StringComparison.OrdinalIgnoreCase),
            ConditionOperator.InList => InList(t, value),
            ConditionOperator.NotInList => !InList(t, value),
            _ => false,
        };
    }

    private static bool InList(string[] list, string value)
    {
        foreach (var item in list)
        {
            if (string.Equals(value, item, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static int IndexOf<T>(T[] list, T value) where T : IEquatable<T>
    {
        for (var i = 0; i < list.Length; i++)
        {
            if (list[i].Equals(value))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a canonical multi-select value (a JSON array of strings as <see cref="FieldValues.WriteMultiSelect"/> writes it) holds
    /// an item, compared as the JSON string literal it is written as (<paramref name="encoded"/>) or, for a value written without
    /// escaping, as the plain quoted text (<paramref name="quoted"/>). Reads the items in place instead of deserializing.
    /// </summary>
    private static bool ContainsItem(string json, string encoded, string quoted)
    {
        var span = json.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (span[i] != '"')
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < span.Length && span[end] != '"')
            {
                end += span[end] == '\\' ? 2 : 1;
            }

            if (end >= span.Length)
            {
                return false;
            }

            var item = span[i..(end + 1)];
            if (item.Equals(encoded, StringComparison.OrdinalIgnoreCase) || item.Equals(quoted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            i = end + 1;
        }

        return false;
    }
}
