using System.Text.Json;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Regions;

namespace Scrm.Domain.Conditions;

// Operands are parsed once per condition and field type (or built-in subject) and cached, so evaluation compares ready values.
public sealed partial record Condition
{
    private Compiled CompiledFor(int key)
    {
        // Definitions are shared between circuits: a race only compiles twice, and a Compiled is immutable once published.
        var compiled = Volatile.Read(ref _compiled);
        if (compiled is null || compiled.Key != key)
        {
            compiled = key >= BuiltInKeyBase ? CompileBuiltIn(key) : CompileField((FieldType)key);
            Volatile.Write(ref _compiled, compiled);
        }

        return compiled;
    }

    private Compiled CompileField(FieldType type)
    {
        var key = (int)type;
        if (!ConditionOperators.For(type).Contains(Operator) || !Operator.AcceptsOperandCount(_operands.Length))
        {
            return Compiled.Invalid(key);
        }

        if (_operands.Length == 0)
        {
            return new Compiled(key);
        }

        switch (type)
        {
            case FieldType.Number or FieldType.WholeNumber or FieldType.Money:
                var numbers = new decimal[_operands.Length];
                for (var i = 0; i < numbers.Length; i++)
                {
                    if (!ConditionOperands.TryParseNumber(_operands[i], out numbers[i]))
                    {
                        return Compiled.Invalid(key);
                    }
                }

                return new Compiled(key) { Numbers = numbers };

            case FieldType.Date when Operator == ConditionOperator.WithinLastHours:
                return int.TryParse(_operands[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0
                    ? new Compiled(key) { WindowTicks = hours * TimeSpan.TicksPerHour }
                    : Compiled.Invalid(key);

            case FieldType.Date:
                var dates = new DateOperand[_operands.Length];
                for (var i = 0; i < dates.Length; i++)
                {
                    if (ConditionOperands.TryParseRelativeDay(_operands[i], out var offset))
                    {
                        dates[i] = new DateOperand(offset, Relative: true);
                    }
                    else if (ConditionOperands.TryParseDate(_operands[i], out var date))
                    {
                        dates[i] = new DateOperand(date.DayNumber, Relative: false);
                    }
                    else
                    {
                        return Compiled.Invalid(key);
                    }
                }

                return new Compiled(key) { Dates = dates };

            case FieldType.MultiSelect:
                // Written the way FieldValues.WriteMultiSelect writes each item (non-ASCII escaped), and plain.
                return new Compiled(key) { Items = [JsonSerializer.Serialize(_operands[0]), "\"" + _operands[0] + "\""] };

            default:
                return new Compiled(key) { Texts = _operands };
        }
    }

    private Compiled CompileBuiltIn(int key)
    {
        var subject = (BuiltInSubject)(key - BuiltInKeyBase);
        if (!ConditionOperators.For(subject).Contains(Operator) || !Operator.AcceptsOperandCount(_operands.Length))
        {
            return Compiled.Invalid(key);
        }

        if (subject == BuiltInSubject.RegionTier)
        {
            // Tier codes are the company's own list (A, B, C…), compared as text.
            var codes = _operands.Select(PriceTier.NormalizeCode).ToArray();
            return codes.Any(c => c is null) ? Compiled.Invalid(key) : new Compiled(key) { Texts = codes! };
        }

        var longs = new long[_operands.Length];
        for (var i = 0; i < longs.Length; i++)
        {
            if (!ConditionOperands.TryParseBuiltIn(subject, _operands[i], out var value))
            {
                return Compiled.Invalid(key);
            }

            longs[i] = subject == BuiltInSubject.Urgency ? -value : value;
        }

        return new Compiled(key) { Longs = longs };
    }

    /// <summary>A date operand: a day number, or days from today when <paramref name="Relative"/>.</summary>
    private readonly record struct DateOperand(int Day, bool Relative)
    {
        public int Resolve(int today) => Relative ? today + Day : Day;
    }

    /// <summary>The operands parsed for one field type (or built-in subject), ready to compare.</summary>
    private sealed class Compiled(int key)
    {
        public int Key { get; } = key;
        public bool IsValid { get; private init; } = true;
        public string[] Texts { get; init; } = [];
        public decimal[] Numbers { get; init; } = [];
        public long[] Longs { get; init; } = [];
        public DateOperand[] Dates { get; init; } = [];
        public string[] Items { get; init; } = [];
        public long WindowTicks { get; init; }

        public static Compiled Invalid(int key) => new(key) { IsValid = false };
    }
}
