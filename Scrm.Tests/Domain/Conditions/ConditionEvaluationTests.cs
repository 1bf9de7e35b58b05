using Scrm.Domain.Conditions;
using Scrm.Domain.Customers;
using Scrm.Domain.Regions;
using Scrm.Domain.Templates;
using Scrm.Domain.Tickets;
using Scrm.Domain.Users;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Conditions;

public sealed class ConditionEvaluationTests
{
    private static readonly IReadOnlyDictionary<string, FieldType> Types = ConditionContextBuilder.FieldTypes;

    public static TheoryData<string, ConditionOperator, string[], string?, bool> FieldCases() =>
        new(ConditionCases.Fields.Select(c => (c.Key, c.Op, c.Operands, c.Value, c.Expected)));

    public static TheoryData<BuiltInSubject, ConditionOperator, string[], string?, bool> BuiltInCases() =>
        new(ConditionCases.BuiltIns.Select(c => (c.Subject, c.Op, c.Operands, c.Actual, c.Expected)));

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void Evaluate_ComparesByTheFieldsType(string key, ConditionOperator op, string[] operands, string? value, bool expected)
    {
        var condition = Condition.OnField(key, op, operands);
        var context = new ConditionContextBuilder().With(key, value).Build();

        Assert.Equal(expected, condition.Evaluate(context, Types));
    }

    [Theory]
    [MemberData(nameof(BuiltInCases))]
    public void Evaluate_ComparesBuiltInFacts(BuiltInSubject subject, ConditionOperator op, string[] operands, string? actual, bool expected)
    {
        var condition = Condition.On(subject, op, operands);

        Assert.Equal(expected, condition.Evaluate(ContextWith(subject, actual), Types));
    }

    [Fact]
    public void Table_CoversEveryOperatorOfEveryFieldType_HoldingAndNot()
    {
        var missing =
            from type in Enum.GetValues<FieldType>()
            from op in ConditionOperators.For(type)
            from expected in new[] { true, false }
            where !ConditionCases.Fields.Any(c => c.Key == ConditionCases.KeyOf[type] && c.Op == op && c.Expected == expected)
            select $"{type} {op} {expected}";

        Assert.Empty(missing);
    }

    [Fact]
    public void Table_CoversEveryOperatorOfEveryBuiltIn_HoldingAndNot()
    {
        var missing =
            from subject in Enum.GetValues<BuiltInSubject>()
            from op in ConditionOperators.For(subject)
            from expected in new[] { true, false }
            where !ConditionCases.BuiltIns.Any(c => c.Subject == subject && c.Op == op && c.Expected == expected)
            select $"{subject} {op} {expected}";

        Assert.Empty(missing);
    }

    public static TheoryData<FieldType, ConditionOperator> EveryFieldOperator() =>
        new(Enum.GetValues<FieldType>().SelectMany(t => ConditionOperators.For(t).Select(op => (t, op))));

    [Theory]
    [MemberData(nameof(EveryFieldOperator))]
    public void Evaluate_WithoutValue_HoldsOnlyForIsEmptyAndTheNegations(FieldType type, ConditionOperator op)
    {
        var condition = Condition.OnField(ConditionCases.KeyOf[type], op, ConditionCases.SampleOperands(type, op));
        var expected = op is ConditionOperator.IsEmpty or ConditionOperator.NotEquals or ConditionOperator.NotContains or ConditionOperator.NotInList;

        Assert.Equal(expected, condition.Evaluate(new ConditionContextBuilder().Build(), Types));
    }

    [Fact]
    public void Evaluate_ReadsAFieldTheTemplateNoLongerHas_AsEmpty()
    {
        var context = new ConditionContextBuilder().With("gone", "x").Build();

        Assert.True(Condition.OnField("gone", ConditionOperator.IsEmpty).Evaluate(context, Types));
        Assert.True(Condition.OnField("gone", ConditionOperator.NotEquals, "x").Evaluate(context, Types));
        Assert.False(Condition.OnField("gone", ConditionOperator.Equals, "x").Evaluate(context, Types));
    }

    [Fact]
    public void Evaluate_CountsRelativeDaysInChinaTime()
    {
        // 00:30 on 2026-11-25 in China is still 2026-11-24 in UTC.
        var context = new ConditionContextBuilder()
            .At(new DateTime(2026, 11, 24, 16, 30, 0, DateTimeKind.Utc))
            .With(TemplateBuilder.VisitDate, "2026-11-25")
            .Build();

        Assert.True(Condition.OnField(TemplateBuilder.VisitDate, ConditionOperator.Equals, "today").Evaluate(context, Types));
        Assert.True(Condition.OnField(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "1").Evaluate(context, Types));
        Assert.False(Condition.OnField(TemplateBuilder.VisitDate, ConditionOperator.Before, "today").Evaluate(context, Types));
    }

    [Fact]
    public void Evaluate_FindsOptionsWithChineseText_InAStoredMultiSelect()
    {
        // The canonical JSON escapes non-ASCII characters (\u663E…); the option must still be found.
        var stored = FieldValues.WriteMultiSelect(["显示故障码", "漏水"]);
        var context = new ConditionContextBuilder().With(TemplateBuilder.Colors, stored).Build();

        Assert.True(Condition.OnField(TemplateBuilder.Colors, ConditionOperator.Contains, "显示故障码").Evaluate(context, Types));
        Assert.False(Condition.OnField(TemplateBuilder.Colors, ConditionOperator.NotContains, "漏水").Evaluate(context, Types));
        Assert.False(Condition.OnField(TemplateBuilder.Colors, ConditionOperator.Contains, "故障").Evaluate(context, Types));
    }

    [Theory]
    [InlineData(ConditionOperator.Contains, """["Red"]""", "Re", false)] // an option, not a fragment
    [InlineData(ConditionOperator.Contains, """["A,B"]""", "A", false)] // commas and quotes inside an option are not separators
    [InlineData(ConditionOperator.Contains, """["A","B"]""", ",", false)]
    [InlineData(ConditionOperator.Contains, """["say \"hi\"","B"]""", "B", true)]
    [InlineData(ConditionOperator.Contains, """["Red","Blue"]""", "blue", true)]
    public void Evaluate_ReadsMultiSelectItemsWhole(ConditionOperator op, string stored, string option, bool expected)
    {
        var context = new ConditionContextBuilder().With(TemplateBuilder.Colors, stored).Build();

        Assert.Equal(expected, Condition.OnField(TemplateBuilder.Colors, op, option).Evaluate(context, Types));
    }

    [Theory]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Contains, new[] { "1" })] // not a number operator
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, new[] { "ten" })] // operand not a number
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, new[] { "1" })] // one bound only
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.NotEquals, new string[0])]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, new[] { "0" })]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.Equals, new[] { "true" })]
    public void Evaluate_IsFalse_ForAConditionThatDoesNotValidate(string key, ConditionOperator op, string[] operands)
    {
        var condition = Condition.OnField(key, op, operands);
        var context = new ConditionContextBuilder().With(TemplateBuilder.Quantity, "1").With(TemplateBuilder.VisitDate, "2026-11-25")
            .With(TemplateBuilder.Warranty, "true").Build();

        Assert.False(condition.Evaluate(context, Types));
        Assert.False(condition.Evaluate(new ConditionContextBuilder().Build(), Types));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("note", BuiltInSubject.Urgency)]
    public void Evaluate_IsFalse_ForASubjectThatIsNotWellFormed(string? key, BuiltInSubject? builtIn)
    {
        var condition = new Condition(new ConditionSubject(key, builtIn), ConditionOperator.IsEmpty, []);

        Assert.False(condition.Evaluate(new ConditionContextBuilder().Build(), Types));
    }

    [Fact]
    public void Evaluate_FollowsTheNewOperator_AfterWith()
    {
        var greater = Condition.OnField(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "5");
        var context = new ConditionContextBuilder().With(TemplateBuilder.Quantity, "9").Build();
        Assert.True(greater.Evaluate(context, Types));

        var less = greater with { Operator = ConditionOperator.LessThan };
        var between = greater with { Operator = ConditionOperator.Between, Operands = ["1", "3"] };

        Assert.False(less.Evaluate(context, Types));
        Assert.False(between.Evaluate(context, Types));
        Assert.True(greater.Evaluate(context, Types));
    }

    [Fact]
    public void Evaluate_UsesTheTypeItIsGiven_WhenTheSameConditionIsReadAgainstAnotherTemplate()
    {
        var condition = Condition.OnField("size", ConditionOperator.GreaterThan, "9");
        var context = new ConditionContextBuilder().With("size", "10").Build();

        Assert.True(condition.Evaluate(context, new Dictionary<string, FieldType> { ["size"] = FieldType.Number }));
        Assert.False(condition.Evaluate(context, new Dictionary<string, FieldType> { ["size"] = FieldType.Text }));
        Assert.True(condition.Evaluate(context, new Dictionary<string, FieldType> { ["size"] = FieldType.Money }));
    }

    [Fact]
    public void Evaluate_AllocatesNothing_OnceWarm()
    {
        var group = ConditionGroupTests.NestedGuard();
        var context = ConditionGroupTests.MatchingContext();
        Assert.True(group.Evaluate(context, Types));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            group.Evaluate(context, Types);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static ConditionContext ContextWith(BuiltInSubject subject, string? actual)
    {
        var builder = new ConditionContextBuilder();
        return (subject switch
        {
            BuiltInSubject.Urgency => builder.Urgent(Enum.Parse<Urgency>(actual!)),
            BuiltInSubject.Region => builder.InRegion(actual is null ? null : long.Parse(actual, System.Globalization.CultureInfo.InvariantCulture)),
            BuiltInSubject.RegionTier => builder.InRegion(5, actual),
            BuiltInSubject.CustomerLevel => builder.ForCustomer(actual is null ? null : Enum.Parse<CustomerLevel>(actual)),
            BuiltInSubject.UserRole => builder.ActedBy(actual is null ? null : Enum.Parse<Role>(actual)),
            _ => Assert.IsType<string>(actual) == ConditionContextBuilder.TemplateId.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? builder : throw new InvalidOperationException("The context's template id is fixed."),
        }).Build();
    }
}
