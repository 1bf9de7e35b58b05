using Scrm.Domain.Common;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Conditions;

/// <summary><see cref="Condition.Create"/>: what an admin types becomes a canonical condition, or a refusal naming the input.</summary>
public sealed class ConditionCreateTests
{
    private static readonly TicketTemplate Template = new TemplateBuilder().Build();

    [Theory]
    [InlineData(TemplateBuilder.Amount, ConditionOperator.GreaterThan, new[] { "¥1,000" }, new[] { "1000.00" })]
    [InlineData(TemplateBuilder.Amount, ConditionOperator.Between, new[] { " 5 ", "10.5" }, new[] { "5.00", "10.50" })]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.InList, new[] { "1.0", "", "  ", "2" }, new[] { "1", "2" })] // blanks dropped
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Before, new[] { "2026-12-01T08:00" }, new[] { "2026-12-01" })]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.After, new[] { " TODAY - 7 " }, new[] { "today-7" })]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.Equals, new[] { "today+0" }, new[] { "today" })]
    [InlineData(TemplateBuilder.VisitDate, ConditionOperator.WithinLastHours, new[] { " 72 " }, new[] { "72" })]
    [InlineData(TemplateBuilder.Service, ConditionOperator.NotInList, new[] { "install", "REPAIR" }, new[] { "Install", "Repair" })]
    [InlineData(TemplateBuilder.Colors, ConditionOperator.Contains, new[] { " blue " }, new[] { "Blue" })]
    [InlineData(TemplateBuilder.Note, ConditionOperator.StartsWith, new[] { " Printer " }, new[] { "Printer" })]
    [InlineData(TemplateBuilder.Contact, ConditionOperator.EndsWith, new[] { "8000" }, new[] { "8000" })] // a fragment, not a phone number
    [InlineData(TemplateBuilder.Customer, ConditionOperator.Equals, new[] { "42" }, new[] { "42" })]
    [InlineData(TemplateBuilder.Warranty, ConditionOperator.IsNotEmpty, new[] { "true" }, new string[0])] // the empty checks ignore operands
    public void Create_StoresFieldOperandsInCanonicalForm(string key, ConditionOperator op, string[] raw, string[] stored)
    {
        var condition = Condition.Create(ConditionSubject.Field(key), op, raw, Template);

        Assert.Equal(stored, condition.Operands);
        Assert.Empty(condition.Validate(Template));
    }

    [Theory]
    [InlineData(BuiltInSubject.Urgency, new[] { "urgent", " HIGH " }, new[] { "Urgent", "High" })]
    [InlineData(BuiltInSubject.RegionTier, new[] { "b" }, new[] { "B" })]
    [InlineData(BuiltInSubject.CustomerLevel, new[] { "VIP" }, new[] { "Vip" })]
    [InlineData(BuiltInSubject.UserRole, new[] { "technician" }, new[] { "Technician" })]
    [InlineData(BuiltInSubject.Region, new[] { " 12 ", "013" }, new[] { "12", "13" })]
    [InlineData(BuiltInSubject.Template, new[] { "7" }, new[] { "7" })]
    public void Create_StoresBuiltInOperandsInCanonicalForm(BuiltInSubject subject, string[] raw, string[] stored)
    {
        var condition = Condition.Create(ConditionSubject.Of(subject), ConditionOperator.InList, raw, Template);

        Assert.Equal(stored, condition.Operands);
        Assert.Empty(condition.Validate(Template));
    }

    [Theory]
    [InlineData("gone", ConditionOperator.Equals, new[] { "x" }, "GuardFieldMissing", "Subject")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Contains, new[] { "1" }, "GuardOperatorInvalid", "Operator")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, new[] { "1", " " }, "GuardOperandCount", "Operands")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, new string[0], "GuardOperandCount", "Operands")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Equals, new[] { "ten" }, "GuardOperandInvalid", "Operands")]
    [InlineData(TemplateBuilder.Quantity, ConditionOperator.Between, new[] { "10", "1" }, "GuardRangeInverted", "Operands")]
    [InlineData(TemplateBuilder.Note, ConditionOperator.Contains, new[] { "  " }, "GuardOperandCount", "Operands")]
    public void Create_Throws_NamingTheInput(string key, ConditionOperator op, string[] raw, string code, string input)
    {
        var ex = Assert.Throws<DomainException>(() => Condition.Create(ConditionSubject.Field(key), op, raw, Template));

        Assert.Equal(code, ex.Code);
        Assert.Equal(input, ex.Field);
    }

    [Fact]
    public void Create_Throws_WhenAFragmentIsLongerThanAnyTextFieldHolds()
    {
        var ex = Assert.Throws<DomainException>(() => Condition.Create(ConditionSubject.Field(TemplateBuilder.Note), ConditionOperator.Contains,
            [new string('x', FieldValues.TextMaxLength + 1)], Template));

        Assert.Equal("GuardOperandInvalid", ex.Code);
    }

    [Fact]
    public void Create_Throws_ForASubjectThatIsNotWellFormed()
    {
        var ex = Assert.Throws<DomainException>(() => Condition.Create(new ConditionSubject(null, null), ConditionOperator.IsEmpty, null, Template));

        Assert.Equal("GuardSubjectInvalid", ex.Code);
        Assert.Equal("Subject", ex.Field);
    }
}
