using Scrm.Domain.Conditions;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class TicketTemplateTests
{
    [Fact]
    public void AddField_Throws_WhenTemplateHasThirtyFields()
    {
        var template = new TicketTemplate("Big", null);
        for (var i = 1; i <= 30; i++)
        {
            template.AddField($"f{i}", $"Field {i}", FieldType.Text);
        }

        var ex = Assert.Throws<DomainException>(() => template.AddField("f31", "Field 31", FieldType.Text));

        Assert.Equal("TooManyFields", ex.Code);
        Assert.Equal(30, template.Fields.Count);
    }

    [Theory]
    [InlineData("note")]
    [InlineData("NOTE")]
    [InlineData(" note ")]
    public void AddField_Throws_WhenKeyTaken(string key)
    {
        var template = new TemplateBuilder().Build();
        var before = template.Fields.Count;

        var ex = Assert.Throws<DomainException>(() => template.AddField(key, "Another note", FieldType.Text));

        Assert.Equal("FieldKeyTaken", ex.Code);
        Assert.Equal("Key", ex.Field);
        Assert.Equal(before, template.Fields.Count);
    }

    [Theory]
    [InlineData("1st")]
    [InlineData("with space")]
    [InlineData("产品")]
    [InlineData("_x")]
    public void AddField_Throws_WhenKeyInvalid(string key)
    {
        var ex = Assert.Throws<DomainException>(() => new TicketTemplate("T", null).AddField(key, "Label", FieldType.Text));

        Assert.Equal("KeyInvalid", ex.Code);
        Assert.Equal("Key", ex.Field);
    }

    [Theory]
    [InlineData(FieldType.Dropdown)]
    [InlineData(FieldType.MultiSelect)]
    public void AddField_Throws_WhenChoiceFieldHasNoOptions(FieldType type)
    {
        var ex = Assert.Throws<DomainException>(() => new TicketTemplate("T", null).AddField("pick", "Pick", type, options: [" ", ""]));

        Assert.Equal("OptionsRequired", ex.Code);
    }

    [Fact]
    public void AddField_Throws_WhenOptionListedTwice()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new TicketTemplate("T", null).AddField("pick", "Pick", FieldType.Dropdown, options: ["Red", "red"]));

        Assert.Equal("OptionDuplicate", ex.Code);
    }

    [Fact]
    public void AddField_PlacesNewFieldLast()
    {
        var template = new TemplateBuilder().Build();

        template.AddField("extra", "Extra", FieldType.Text);

        Assert.Equal("extra", template.Fields[^1].Key);
    }

    [Theory]
    [InlineData(TemplateBuilder.Service)]
    [InlineData(TemplateBuilder.VisitDate)]
    public void RemoveField_Throws_WhenRuleUsesField(string key)
    {
        var template = new TemplateBuilder().Build();

        var ex = Assert.Throws<DomainException>(() => template.RemoveField(key));

        Assert.Equal("FieldUsedByRule", ex.Code);
        Assert.NotNull(template.FindField(key));
    }

    [Fact]
    public void RemoveField_Removes_WhenRuleDeletedFirst()
    {
        var template = new TemplateBuilder().Build();
        var version = template.Version;

        template.RemoveRule(template.Rules.Single());
        template.RemoveField(TemplateBuilder.Service);

        Assert.Null(template.FindField(TemplateBuilder.Service));
        Assert.Equal(version + 2, template.Version);
    }

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
    public void ValidateValues_ListsEveryProblemAtOnce()
    {
        var template = new TemplateBuilder().Requiring(TemplateBuilder.Contact).Build();
        var raw = new Dictionary<string, string?>
        {
            [TemplateBuilder.Quantity] = "12a",
            [TemplateBuilder.Amount] = "9.999",
            [TemplateBuilder.Service] = "Install", // makes visit_date required, and it is missing
            ["is_vip"] = "true",                   // not a field of the template: a forged post
            [TemplateBuilder.Note] = "fine",
        };

        var ex = Assert.Throws<FieldValidationException>(() => template.ValidateValues(raw));

        Assert.Equal("FieldsInvalid", ex.Code);
        Assert.Equal(
            new HashSet<(string, string)>
            {
                (TemplateBuilder.Quantity, "NotANumber"),
                (TemplateBuilder.Amount, "TooManyDecimals"),
                ("is_vip", "Unknown"),
                (TemplateBuilder.VisitDate, "Required"),
                (TemplateBuilder.Contact, "Required"),
            },
            ex.Errors.Select(e => (e.FieldKey, e.Code)).ToHashSet());
        Assert.Equal(5, ex.Errors.Count);
        Assert.Contains("The template has no field \"is_vip\".", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Visit date is required.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateValues_ReportsFormatNotRequired_WhenRequiredFieldHasBadValue()
    {
        var template = new TemplateBuilder().Build();
        var raw = new Dictionary<string, string?>
        {
            [TemplateBuilder.Service] = "Install",
            [TemplateBuilder.VisitDate] = "next week",
        };

        var ex = Assert.Throws<FieldValidationException>(() => template.ValidateValues(raw));

        var error = Assert.Single(ex.Errors);
        Assert.Equal((TemplateBuilder.VisitDate, "NotADate"), (error.FieldKey, error.Code));
    }

    [Fact]
    public void ValidateValues_ReturnsCanonicalValues_WithoutEmptyOnes()
    {
        var template = new TemplateBuilder().Build();
        var raw = new Dictionary<string, string?>
        {
            [TemplateBuilder.Service] = "Install",
            [TemplateBuilder.VisitDate] = "2026-12-01",
            [TemplateBuilder.Amount] = "¥1,234.5",
            [TemplateBuilder.Colors] = "Blue,Red",
            [TemplateBuilder.Warranty] = "false",
            [TemplateBuilder.Note] = "  ",
        };

        var values = template.ValidateValues(raw);

        Assert.Equal(
            new Dictionary<string, string>
            {
                [TemplateBuilder.Service] = "Install",
                [TemplateBuilder.VisitDate] = "2026-12-01",
                [TemplateBuilder.Amount] = "1234.50",
                [TemplateBuilder.Colors] = """["Red","Blue"]""",
            },
            values);
    }

    [Fact]
    public void UpdateField_Throws_WhenRuleOperandNoLongerAnOption()
    {
        var template = new TemplateBuilder().Build();

        var ex = Assert.Throws<DomainException>(() =>
            template.UpdateField(TemplateBuilder.Service, "Service", false, options: ["Repair", "Inspect"]));

        Assert.Equal("FieldUsedByRule", ex.Code);
    }

    [Fact]
    public void UpdateField_Throws_WhenRuleOperandOutsideTheNewRange()
    {
        var template = new TemplateBuilder().WithoutRule().Build();
        template.AddRule(TemplateBuilder.Quantity, ConditionOperator.GreaterThan, "900", TemplateBuilder.Details);

        var ex = Assert.Throws<DomainException>(() =>
            template.UpdateField(TemplateBuilder.Quantity, "Quantity", false, min: 0, max: 500));

        Assert.Equal("FieldUsedByRule", ex.Code);
    }

    [Fact]
    public void UpdateField_Succeeds_WhenRuleComparesAFragmentOfAPhone()
    {
        // "138" is no phone number, but it is a fine thing for a phone to start with.
        var template = new TemplateBuilder().WithoutRule().Build();
        template.AddRule(TemplateBuilder.Contact, ConditionOperator.StartsWith, "138", TemplateBuilder.Details);

        template.UpdateField(TemplateBuilder.Contact, "Mobile", isRequired: true);

        Assert.Equal("Mobile", template.FindField(TemplateBuilder.Contact)!.Label);
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

    [Fact]
    public void UpdateField_LeavesFieldUnchanged_WhenRefused()
    {
        var template = new TemplateBuilder().Build();
        var version = template.Version;

        Assert.Throws<DomainException>(() =>
            template.UpdateField(TemplateBuilder.Service, "Kind of service", true, options: ["Repair", "Inspect"]));

        var field = template.FindField(TemplateBuilder.Service)!;
        Assert.Equal(TemplateBuilder.ServiceOptions, field.Options);
        Assert.Equal("Service", field.Label);
        Assert.False(field.IsRequired);
        Assert.Equal(version, template.Version);
    }

    [Fact]
    public void MoveField_SwapsWithNeighbour()
    {
        var template = new TemplateBuilder().Build();

        template.MoveField(TemplateBuilder.Details, -1);

        Assert.Equal([TemplateBuilder.Details, TemplateBuilder.Note, TemplateBuilder.Quantity],
            template.Fields.Take(3).Select(f => f.Key));
    }

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
