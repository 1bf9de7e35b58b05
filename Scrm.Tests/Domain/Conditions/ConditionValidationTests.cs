using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Conditions;

public sealed class ConditionValidationTests
{
    private static readonly TicketTemplate Template = new TemplateBuilder().Build();

    [Fact]
    public void Validate_FindsNothing_ForTheSampleGuard()
    {
        Assert.Empty(ConditionGroupTests.NestedGuard().Validate(Template));
    }

    [Fact]
    public void Validate_FindsAFieldTheTemplateDoesNotHave()
    {
        var condition = Condition.OnField("gone", ConditionOperator.Equals, "x");

        var problem = Assert.Single(condition.Validate(Template));

        Assert.Equal("GuardFieldMissing", problem.Code);
        Assert.Equal(["gone"], problem.Args);
        Assert.Same(condition, problem.Condition);
        Assert.Contains("\"gone\"", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FindsAFieldDeletedSinceTheConditionWasMade()
    {
        var template = new TemplateBuilder().WithoutRule().Build();
        var condition = Condition.Create(ConditionSubject.Field(TemplateBuilder.Note), ConditionOperator.Contains, ["jam"], template);

        template.RemoveField(TemplateBuilder.Note);

        Assert.Equal("GuardFieldMissing", Assert.Single(condition.Validate(template)).Code);
    }

    [Fact]
    public void Validate_FindsAnOptionRemovedSinceTheConditionWasMade()
    {
        var template = new TemplateBuilder().WithoutRule().Build();
        var condition = Condition.Create(ConditionSubject.Field(TemplateBuilder.Service), ConditionOperator.InList, ["Repair", "Install"], template);

        template.UpdateField(TemplateBuilder.Service, "Service", false, options: ["Repair", "Inspect"]);

        var problem = Assert.Single(condition.Validate(template));
        Assert.Equal("GuardOperandInvalid", problem.Code);
        Assert.Equal(["Install", "Service"], problem.Args);
    }

    [Theory]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Contains)] // a number offers no text operators
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.StartsWith)]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Before)]
    [InlineData(TemplateBuilder.Note, ConditionOperator.GreaterThan)]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.GreaterThan)] // dates use Before / After
    [InlineData(TemplateBuilder.Service, ConditionOperator.Contains)]
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Equals)]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.Equals)]
    [InlineData(TemplateBuilder.Customer, ConditionOperator.Contains)]
    [InlineData(TemplateBuilder.Customer, ConditionOperator.InList)]
    [InlineData(TemplateBuilder.Contact, ConditionOperator.Between)]
    public void Validate_FindsAnOperatorTheFieldTypeDoesNotOffer(string key, ConditionOperator op)
    {
        var problem = Assert.Single(Condition.OnField(key, op, "1").Validate(Template));

        Assert.Equal("GuardOperatorInvalid", problem.Code);
        Assert.Equal(op.ToString(), problem.Args[0]);
        Assert.Equal(Template.FindField(key)!.Label, problem.Args[1]);
    }

    [Theory]
    [InlineData(BuiltInSubject.Urgency, ConditionOperator.Contains)]
    [InlineData(BuiltInSubject.Urgency, ConditionOperator.IsEmpty)] // a ticket always has an urgency
    [InlineData(BuiltInSubject.Template, ConditionOperator.GreaterThan)]
    [InlineData(BuiltInSubject.Region, ConditionOperator.StartsWith)]
    [InlineData(BuiltInSubject.RegionTier, ConditionOperator.GreaterThan)]
    [InlineData(BuiltInSubject.UserRole, ConditionOperator.Between)]
    [InlineData(BuiltInSubject.CustomerLevel, (ConditionOperator)99)]
    public void Validate_FindsAnOperatorTheBuiltInDoesNotOffer(BuiltInSubject subject, ConditionOperator op)
    {
        Assert.Equal("GuardOperatorInvalid", Assert.Single(Condition.On(subject, op, "A").Validate(Template)).Code);
    }

    [Theory]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, new[] { "1" })]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, new[] { "1", "2", "3" })]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, new[] { "1", "2" })]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, new string[0])]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.InList, new string[0])]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.IsEmpty, new[] { "1" })]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, new string[0])]
    public void Validate_FindsTheWrongNumberOfOperands(string key, ConditionOperator op, string[] operands)
    {
        var problem = Assert.Single(Condition.OnField(key, op, operands).Validate(Template));

        Assert.Equal("GuardOperandCount", problem.Code);
        Assert.Equal(op.Arity(), problem.Args[2]);
    }

    [Theory]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, "ten")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "5000")] // outside the field's 0–1000
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.InList, "1", "x")]
    [InlineData(TemplateBuilder.Amount, ConditionOperator.Equals, "1.005")]
    [InlineData(TemplateBuilder.Amount, ConditionOperator.Equals, "1000")] // money is stored with two decimals
    [InlineData(TemplateBuilder.Amount, ConditionOperator.Equals, "1,000.00")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Equals, "2026-13-01")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Before, "1999-12-31")] // before the earliest date a field holds
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.After, "tomorrow")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.After, "Today+1")] // relative days are written today+N
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "0")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "1.5")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "-24")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.Equals, "Deliver")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.Equals, "install")] // stored as the option is written
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, "Purple")]
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, """["Red"]""")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.Contains, " jam")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.Equals, "")]
    [InlineData(TemplateBuilder.Contact, ConditionOperator.Equals, "12345")]
    [InlineData(TemplateBuilder.Customer, ConditionOperator.Equals, "0")]
    [InlineData(TemplateBuilder.Order, ConditionOperator.Equals, "#1")]
    public void Validate_FindsAnOperandTheFieldCouldNotHold(string key, ConditionOperator op, params string[] operands)
    {
        var problem = Assert.Single(Condition.OnField(key, op, operands).Validate(Template));

        Assert.Equal("GuardOperandInvalid", problem.Code);
        Assert.Equal(Template.FindField(key)!.Label, problem.Args[1]);
    }

    [Theory]
    [InlineData(BuiltInSubject.Urgency, "Critical")]
    [InlineData(BuiltInSubject.Urgency, "urgent")] // stored as the enum name is written
    [InlineData(BuiltInSubject.Urgency, "0")] // names, not numbers
    [InlineData(BuiltInSubject.RegionTier, "A-1")]
    [InlineData(BuiltInSubject.CustomerLevel, "Gold")]
    [InlineData(BuiltInSubject.UserRole, "Root")]
    [InlineData(BuiltInSubject.Region, "-1")]
    [InlineData(BuiltInSubject.Region, "zhejiang")]
    [InlineData(BuiltInSubject.Template, "0")]
    public void Validate_FindsAnOperandTheBuiltInCouldNotHold(BuiltInSubject subject, string operand)
    {
        var problem = Assert.Single(Condition.On(subject, ConditionOperator.Equals, operand).Validate(Template));

        Assert.Equal("GuardOperandInvalid", problem.Code);
        Assert.Equal([operand, subject.ToString()], problem.Args);
    }

    [Theory]
    [InlineData(TemplateBuilder.Quantity, "10", "5")]
    [InlineData(TemplateBuilder.Amount, "10.00", "9.99")]
    [InlineData(TemplateBuilder.VisitDate, "2026-12-01", "2026-11-01")]
    [InlineData(TemplateBuilder.VisitDate, "today", "today-7")]
    public void Validate_FindsARangeThatRunsBackwards(string key, string low, string high)
    {
        var problem = Assert.Single(Condition.OnField(key, ConditionOperator.Between, low, high).Validate(Template));

        Assert.Equal("GuardRangeInverted", problem.Code);
    }

    [Fact]
    public void Validate_AcceptsARangeMixingFixedAndRelativeDays()
    {
        Assert.Empty(Condition.OnField(TemplateBuilder.VisitDate, ConditionOperator.Between, "2026-01-01", "today").Validate(Template));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData(TemplateBuilder.Note, BuiltInSubject.Urgency)]
    public void Validate_FindsASubjectThatIsNotWellFormed(string? key, BuiltInSubject? builtIn)
    {
        var condition = new Condition(new ConditionSubject(key, builtIn), ConditionOperator.IsEmpty, []);

        Assert.Equal("GuardSubjectInvalid", Assert.Single(condition.Validate(Template)).Code);
    }

    [Fact]
    public void GroupValidate_ListsEveryProblem_OfEveryNestedGroup_InOrder()
    {
        var group = ConditionGroup.All(
                Condition.OnField("gone", ConditionOperator.IsEmpty),
                Condition.OnField(TemplateBuilder.Note, ConditionOperator.Contains, "ok"))
            .With(ConditionGroup.Any(Condition.OnField(TemplateBuilder.Quantity, ConditionOperator.Contains, "1"))
                .With(ConditionGroup.All(Condition.On(BuiltInSubject.Urgency, ConditionOperator.Equals, "Critical"))));

        var problems = group.Validate(Template);

        Assert.Equal(["GuardFieldMissing", "GuardOperatorInvalid", "GuardOperandInvalid"], problems.Select(p => p.Code));
        Assert.All(problems, p => Assert.NotNull(p.Condition));
    }

    [Fact]
    public void GroupValidate_RefusesGroupsNestedTooDeep()
    {
        var group = ConditionGroup.All(Condition.OnField(TemplateBuilder.Note, ConditionOperator.IsEmpty));
        for (var level = 1; level < ConditionGroup.MaxDepth; level++)
        {
            group = ConditionGroup.Any().With(group);
        }

        Assert.Empty(group.Validate(Template));

        var problem = Assert.Single(ConditionGroup.All().With(group).Validate(Template));
        Assert.Equal("GuardTooDeep", problem.Code);
        Assert.Equal([ConditionGroup.MaxDepth], problem.Args);
    }

    public static TheoryData<FieldType, ConditionOperator> EveryFieldOperator() =>
        new(Enum.GetValues<FieldType>().SelectMany(t => ConditionOperators.For(t).Select(op => (t, op))));

    public static TheoryData<BuiltInSubject, ConditionOperator> EveryBuiltInOperator() =>
        new(Enum.GetValues<BuiltInSubject>().SelectMany(s => ConditionOperators.For(s).Select(op => (s, op))));

    [Theory]
    [MemberData(nameof(EveryFieldOperator))]
    public void EveryOperatorOffered_ForAField_PassesValidation(FieldType type, ConditionOperator op)
    {
        var condition = Condition.OnField(ConditionCases.KeyOf[type], op, ConditionCases.SampleOperands(type, op));

        Assert.Empty(condition.Validate(Template));
        Assert.Equal(condition, Condition.Create(condition.Subject, op, condition.Operands, Template));
    }

    [Theory]
    [MemberData(nameof(EveryBuiltInOperator))]
    public void EveryOperatorOffered_ForABuiltIn_PassesValidation(BuiltInSubject subject, ConditionOperator op)
    {
        var condition = Condition.On(subject, op, ConditionCases.SampleOperands(subject, op));

        Assert.Empty(condition.Validate(Template));
        Assert.Equal(condition, Condition.Create(condition.Subject, op, condition.Operands, Template));
    }

    [Fact]
    public void EveryCaseOfTheEvaluationTable_PassesValidation()
    {
        var invalid = ConditionCases.Fields.Select(c => Condition.OnField(c.Key, c.Op, c.Operands))
            .Concat(ConditionCases.BuiltIns.Select(c => Condition.On(c.Subject, c.Op, c.Operands)))
            .SelectMany(c => c.Validate(Template))
            .Select(p => $"{p.Condition}: {p.Message}");

        Assert.Empty(invalid);
    }

    [Fact]
    public void EveryProblemCode_HasAnEnglishMessage()
    {
        string[] codes = ["GuardSubjectInvalid", "GuardFieldMissing", "GuardOperatorInvalid", "GuardOperandCount", "GuardOperandInvalid", "GuardRangeInverted", "GuardTooDeep"];

        Assert.All(codes, code => Assert.NotEqual(code, new ConditionProblem(code, ["a", "b", OperandArity.Two]).Message));
    }

    [Fact]
    public void Problem_BecomesADomainException_NamingTheInput()
    {
        var ex = Assert.Throws<DomainException>(() =>
            Condition.Create(ConditionSubject.Field(TemplateBuilder.Quantity), ConditionOperator.Contains, ["1"], Template));

        Assert.Equal("GuardOperatorInvalid", ex.Code);
        Assert.Equal("Operator", ex.Field);
        Assert.Equal(["Contains", "Quantity"], ex.Args);
    }
}
