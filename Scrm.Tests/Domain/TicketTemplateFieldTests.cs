using Scrm.Domain.Conditions;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

/// <summary>A template's custom fields: adding, changing, ordering and removing them.</summary>
public sealed class TicketTemplateFieldTests
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
        template.TakeDomainEvents();

        template.RemoveRule(template.Rules.Single());
        template.RemoveField(TemplateBuilder.Service);

        Assert.Null(template.FindField(TemplateBuilder.Service));
        // One event however many changes: listeners reload the template once per save.
        Assert.Equal(new TemplateChanged(template), Assert.Single(template.DomainEvents));
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
    public void UpdateField_LeavesFieldUnchanged_WhenRefused()
    {
        var template = new TemplateBuilder().Build();
        template.TakeDomainEvents();

        Assert.Throws<DomainException>(() =>
            template.UpdateField(TemplateBuilder.Service, "Kind of service", true, options: ["Repair", "Inspect"]));

        var field = template.FindField(TemplateBuilder.Service)!;
        Assert.Equal(TemplateBuilder.ServiceOptions, field.Options);
        Assert.Equal("Service", field.Label);
        Assert.False(field.IsRequired);
        Assert.Empty(template.DomainEvents);
    }

    [Fact]
    public void MoveField_SwapsWithNeighbour()
    {
        var template = new TemplateBuilder().Build();

        template.MoveField(TemplateBuilder.Details, -1);

        Assert.Equal([TemplateBuilder.Details, TemplateBuilder.Note, TemplateBuilder.Quantity],
            template.Fields.Take(3).Select(f => f.Key));
    }
}
