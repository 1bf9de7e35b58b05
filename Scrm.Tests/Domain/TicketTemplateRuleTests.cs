using Scrm.Domain.Conditions;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

/// <summary>智能必填 rules: which can be added, and which fields they make required.</summary>
public sealed class TicketTemplateRuleTests
{
    [Theory]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.GreaterThan, "true")]
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Equals, "Red")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.Contains, "Ins")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.GreaterThan, "Install")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.LessThan, "m")]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.Equals, "true")] // a checkbox is tested with IsNotEmpty (checked)
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.GreaterThan, "2026-12-01")] // dates use After / Before
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, "1")] // two operands: no room in a rule
    [InlineData(TemplateBuilder.Service, ConditionOperator.InList, "Install")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, "24")] // depends on the clock
    [InlineData(TemplateBuilder.Customer, ConditionOperator.Contains, "12")]
    public void AddRule_Throws_WhenOperatorNotValidForFieldType(string whenKey, ConditionOperator op, string? operand)
    {
        var template = new TemplateBuilder().WithoutRule().Build();

        var ex = Assert.Throws<DomainException>(() => template.AddRule(whenKey, op, operand, TemplateBuilder.Details));

        Assert.Equal("RuleOperatorInvalid", ex.Code);
        Assert.Equal("Operator", ex.Field);
        Assert.Empty(template.Rules);
    }

    [Theory]
    [InlineData(TemplateBuilder.Service, ConditionOperator.Equals, "Deliver")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.Equals, null)]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "ten")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "5000")] // outside the field's 0–1000
    [InlineData(TemplateBuilder.Amount, ConditionOperator.LessThan, "1.005")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Before, "1999-12-31")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.After, "today")] // relative dates would make the form change with the clock
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, "Purple")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.Contains, "  ")]
    [InlineData(TemplateBuilder.Contact, ConditionOperator.Equals, "12345")]
    public void AddRule_Throws_WhenOperandNotValidForField(string whenKey, ConditionOperator op, string? operand)
    {
        var template = new TemplateBuilder().WithoutRule().Build();

        var ex = Assert.Throws<DomainException>(() => template.AddRule(whenKey, op, operand, TemplateBuilder.Details));

        Assert.Equal("RuleOperandInvalid", ex.Code);
        Assert.Equal("Operand", ex.Field);
        Assert.Empty(template.Rules);
    }

    [Fact]
    public void AddRule_Throws_WhenFieldRequiresItself()
    {
        var template = new TemplateBuilder().WithoutRule().Build();

        var ex = Assert.Throws<DomainException>(() =>
            template.AddRule(TemplateBuilder.Note, ConditionOperator.IsNotEmpty, null, TemplateBuilder.Note));

        Assert.Equal("RuleSelf", ex.Code);
    }

    [Fact]
    public void AddRule_Throws_WhenFieldUnknown()
    {
        var template = new TemplateBuilder().WithoutRule().Build();

        var ex = Assert.Throws<DomainException>(() =>
            template.AddRule("nope", ConditionOperator.IsNotEmpty, null, TemplateBuilder.Note));

        Assert.Equal("FieldNotFound", ex.Code);
    }

    [Fact]
    public void AddRule_Throws_WhenSameRuleExists()
    {
        var template = new TemplateBuilder().Build();

        var ex = Assert.Throws<DomainException>(() =>
            template.AddRule(TemplateBuilder.Service, ConditionOperator.Equals, " Install ", TemplateBuilder.VisitDate));

        Assert.Equal("RuleDuplicate", ex.Code);
    }

    [Theory]
    [InlineData(TemplateBuilder.Amount, ConditionOperator.GreaterThan, "¥1,000", "1000.00")]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Before, "2026-12-01T08:00", "2026-12-01")]
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, " Red ", "Red")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.Contains, " urgent ", "urgent")]
    [InlineData(TemplateBuilder.Service, ConditionOperator.NotEquals, "install", "Install")] // options match ignoring case
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, "blue", "Blue")]
    [InlineData(TemplateBuilder.Contact, ConditionOperator.StartsWith, " 138 ", "138")] // a fragment, not a whole phone number
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.GreaterOrEqual, "10.50", "10.5")]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty, "true", null)]
    [InlineData(TemplateBuilder.Note, ConditionOperator.IsEmpty, "ignored", null)]
    public void AddRule_StoresOperandInCanonicalForm(string whenKey, ConditionOperator op, string operand, string? stored)
    {
        var template = new TemplateBuilder().WithoutRule().Build();

        var rule = template.AddRule(whenKey, op, operand, TemplateBuilder.Details);

        Assert.Equal(stored, rule.Operand);
        Assert.Single(template.Rules);
    }

    [Fact]
    public void RequiredKeys_FollowTheTriggerValue()
    {
        var template = new TemplateBuilder().Requiring(TemplateBuilder.Note).Build();

        Assert.Equal([TemplateBuilder.Note], template.RequiredKeys(Values()));
        Assert.Equal([TemplateBuilder.Note], template.RequiredKeys(Values((TemplateBuilder.Service, "Repair"))));
        Assert.Equal(
            new HashSet<string> { TemplateBuilder.Note, TemplateBuilder.VisitDate },
            template.RequiredKeys(Values((TemplateBuilder.Service, "Install"))));
        Assert.Equal([TemplateBuilder.Note], template.RequiredKeys(Values((TemplateBuilder.Service, "Inspect"))));
    }

    [Fact]
    public void RequiredKeys_ComparesNumbersAsNumbers()
    {
        var template = new TemplateBuilder().WithoutRule().Build();
        template.AddRule(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "9", TemplateBuilder.Details);

        Assert.DoesNotContain(TemplateBuilder.Details, template.RequiredKeys(Values((TemplateBuilder.Quantity, "9"))));
        Assert.Contains(TemplateBuilder.Details, template.RequiredKeys(Values((TemplateBuilder.Quantity, "10"))));
    }

    [Fact]
    public void RequiredKeys_TurnsOn_WhenCheckboxChecked()
    {
        var template = new TemplateBuilder().WithoutRule().Build();
        template.AddRule(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty, null, TemplateBuilder.Order);

        Assert.DoesNotContain(TemplateBuilder.Order, template.RequiredKeys(Values()));
        Assert.Contains(TemplateBuilder.Order, template.RequiredKeys(Values((TemplateBuilder.Warranty, "true"))));
    }

    [Fact]
    public void AddRule_Throws_WhenSameRuleExists_WithOptionInOtherCase()
    {
        var template = new TemplateBuilder().Build();

        var ex = Assert.Throws<DomainException>(() =>
            template.AddRule(TemplateBuilder.Service, ConditionOperator.Equals, "INSTALL", TemplateBuilder.VisitDate));

        Assert.Equal("RuleDuplicate", ex.Code);
    }

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void RuleOperators_AreTheFieldsConditionOperators_WithAtMostOneOperand_AndNoClock(FieldType type)
    {
        var offered = FieldRule.OperatorsFor(type);

        Assert.NotEmpty(offered);
        Assert.All(offered, op => Assert.Contains(op, ConditionOperators.For(type)));
        Assert.All(offered, op => Assert.True(op.Arity() is OperandArity.None or OperandArity.One, $"{op} takes more than one operand"));
        Assert.DoesNotContain(ConditionOperator.WithinLastHours, offered);
        Assert.Equal(
            ConditionOperators.For(type).Where(op => op.Arity() is OperandArity.None or OperandArity.One && op != ConditionOperator.WithinLastHours),
            offered);
    }

    public static TheoryData<FieldType> AllTypes() => new(Enum.GetValues<FieldType>());

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
