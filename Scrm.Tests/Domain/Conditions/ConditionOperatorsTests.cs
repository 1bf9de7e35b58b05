using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;
using static Scrm.Domain.Conditions.ConditionOperator;
using Op = Scrm.Domain.Conditions.ConditionOperator;

namespace Scrm.Tests.Domain.Conditions;

public sealed class ConditionOperatorsTests
{
    private static readonly ConditionOperator[] TextOperators = [Contains, NotContains, StartsWith, EndsWith];

    public static TheoryData<FieldType, ConditionOperator[]> Expected() => new()
    {
        { FieldType.Number, [Op.Equals, NotEquals, GreaterThan, GreaterOrEqual, LessThan, LessOrEqual, Between, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.Money, [Op.Equals, NotEquals, GreaterThan, GreaterOrEqual, LessThan, LessOrEqual, Between, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.Text, [Op.Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.Multiline, [Op.Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.Phone, [Op.Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.OrderLink, [Op.Equals, NotEquals, Contains, NotContains, StartsWith, EndsWith, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.Date, [Op.Equals, NotEquals, Before, After, Between, WithinLastHours, IsEmpty, IsNotEmpty] },
        { FieldType.Dropdown, [Op.Equals, NotEquals, InList, NotInList, IsEmpty, IsNotEmpty] },
        { FieldType.MultiSelect, [Contains, NotContains, IsEmpty, IsNotEmpty] },
        { FieldType.Checkbox, [IsEmpty, IsNotEmpty] },
        { FieldType.CustomerLink, [Op.Equals, NotEquals, IsEmpty, IsNotEmpty] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void For_OffersTheOperatorsThatSuitTheFieldType(FieldType type, ConditionOperator[] expected)
    {
        Assert.Equal(expected, ConditionOperators.For(type));
    }

    [Theory]
    [InlineData(FieldType.Number)]
    [InlineData(FieldType.Money)]
    public void For_OffersNoTextOrDateOperators_ForANumberField(FieldType type)
    {
        var offered = ConditionOperators.For(type);

        Assert.Empty(offered.Intersect(TextOperators));
        Assert.Empty(offered.Intersect([Before, After, WithinLastHours]));
    }

    [Fact]
    public void For_OffersRankedComparisons_ForUrgencyOnly()
    {
        Assert.Contains(GreaterThan, ConditionOperators.For(BuiltInSubject.Urgency));
        Assert.DoesNotContain(IsEmpty, ConditionOperators.For(BuiltInSubject.Urgency));
        Assert.All(Enum.GetValues<BuiltInSubject>().Where(s => s != BuiltInSubject.Urgency),
            s => Assert.DoesNotContain(GreaterThan, ConditionOperators.For(s)));
        Assert.All(Enum.GetValues<BuiltInSubject>(),
            s => Assert.Superset(new HashSet<ConditionOperator>([Op.Equals, NotEquals, InList, NotInList]), ConditionOperators.For(s).ToHashSet()));
    }

    [Fact]
    public void For_UsesEveryOperator_AcrossAllTypesAndSubjects()
    {
        var used = Enum.GetValues<FieldType>().SelectMany(ConditionOperators.For)
            .Concat(Enum.GetValues<BuiltInSubject>().SelectMany(ConditionOperators.For))
            .ToHashSet();

        Assert.Equal(18, Enum.GetValues<ConditionOperator>().Length);
        Assert.Empty(Enum.GetValues<ConditionOperator>().Except(used));
    }

    [Fact]
    public void For_ASubjectOfATemplate_FollowsTheFieldsType_AndOffersNothingForAMissingField()
    {
        var template = new TemplateBuilder().Build();

        Assert.Equal(ConditionOperators.For(FieldType.Date), ConditionOperators.For(ConditionSubject.Field(TemplateBuilder.VisitDate), template));
        Assert.Equal(ConditionOperators.For(BuiltInSubject.Region), ConditionOperators.For(ConditionSubject.Of(BuiltInSubject.Region), template));
        Assert.Empty(ConditionOperators.For(ConditionSubject.Field("gone"), template));
    }

    [Theory]
    [InlineData(IsEmpty, OperandArity.None)]
    [InlineData(IsNotEmpty, OperandArity.None)]
    [InlineData(Between, OperandArity.Two)]
    [InlineData(InList, OperandArity.OneOrMore)]
    [InlineData(NotInList, OperandArity.OneOrMore)]
    [InlineData(WithinLastHours, OperandArity.One)]
    [InlineData(Op.Equals, OperandArity.One)]
    public void Arity_SaysHowManyOperandsAnOperatorTakes(ConditionOperator op, OperandArity arity)
    {
        Assert.Equal(arity, op.Arity());
    }

    [Fact]
    public void OperatorNames_KeepTheNamesStoredRulesUse()
    {
        // 智能必填 rules are stored with the operator's name; these seven existed before conditions did.
        Assert.Equal(["Equals", "NotEquals", "Contains", "GreaterThan", "LessThan", "IsEmpty", "IsNotEmpty"], Enum.GetNames<ConditionOperator>().Take(7));
    }
}
