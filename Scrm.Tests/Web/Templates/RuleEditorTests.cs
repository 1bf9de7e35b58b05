using System.Globalization;
using Bunit;
using Bunit.Rendering;
using Scrm.Domain.Conditions;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Web.Features.Templates;
using Scrm.Web.Features.Templates.Components;
using Xunit;

namespace Scrm.Tests.Web.Templates;

public sealed class RuleEditorTests : MudTestContext
{
    private readonly List<RuleForm> _saved = [];
    private Func<RuleForm, Task>? _save;

    /// <summary>One field of every type, labelled by its type name, plus a text field to make required.</summary>
    private static IReadOnlyList<FieldDefinition> Fields()
    {
        var template = new TicketTemplate("Every type", null);
        foreach (var type in Enum.GetValues<FieldType>())
        {
            template.AddField(type.ToString().ToLowerInvariant(), $"{type} field", type,
                options: type.HasOptions() ? ["Air conditioner", "Fridge"] : null);
        }

        template.AddField("model", "Model", FieldType.Text);
        return template.Fields;
    }

    private IRenderedComponent<ContainerFragment> RenderEditor() => RenderWithProviders(builder =>
    {
        builder.OpenComponent<RuleEditor>(0);
        builder.AddAttribute(1, nameof(RuleEditor.Fields), Fields());
        builder.AddAttribute(2, nameof(RuleEditor.Save), _save ?? (form =>
        {
            _saved.Add(form);
            return Task.CompletedTask;
        }));
        builder.CloseComponent();
    });

    [Fact]
    public void Operators_OfferUncheckedAndChecked_ForCheckboxTrigger()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Checkbox field");

        var offered = Choices(cut, "rule-operator");

        Assert.Equal([L["Conditions.Unchecked"].Value, L["Conditions.Checked"].Value], offered);
        Assert.False(Has(cut, "rule-operand"));
    }

    [Fact]
    public void Operators_OfferComparisonsButNoContains_ForNumberTrigger()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Number field");

        var offered = Choices(cut, "rule-operator");

        Assert.DoesNotContain(L.OperatorName(ConditionOperator.Contains), offered);
        Assert.DoesNotContain(L.OperatorName(ConditionOperator.StartsWith), offered);
        Assert.Contains(L.OperatorName(ConditionOperator.GreaterThan), offered);
        Assert.Contains(L.OperatorName(ConditionOperator.LessOrEqual), offered);
    }

    // No range, list or clock operators: a rule has one operand and must not change while the form is open.
    private static readonly Dictionary<FieldType, string[]> ChineseOperators = new()
    {
        { FieldType.Text, ["等于", "不等于", "包含", "不包含", "开头是", "结尾是", "为空", "不为空"] },
        { FieldType.Multiline, ["等于", "不等于", "包含", "不包含", "开头是", "结尾是", "为空", "不为空"] },
        { FieldType.Number, ["等于", "不等于", "大于", "大于或等于", "小于", "小于或等于", "为空", "不为空"] },
        { FieldType.WholeNumber, ["等于", "不等于", "大于", "大于或等于", "小于", "小于或等于", "为空", "不为空"] },
        { FieldType.Money, ["等于", "不等于", "大于", "大于或等于", "小于", "小于或等于", "为空", "不为空"] },
        { FieldType.Date, ["等于", "不等于", "早于", "晚于", "为空", "不为空"] },
        { FieldType.Dropdown, ["等于", "不等于", "为空", "不为空"] },
        { FieldType.MultiSelect, ["包含", "不包含", "为空", "不为空"] },
        { FieldType.Checkbox, ["未勾选", "已勾选"] },
        { FieldType.Phone, ["等于", "不等于", "包含", "不包含", "开头是", "结尾是", "为空", "不为空"] },
        { FieldType.CustomerLink, ["等于", "不等于", "为空", "不为空"] },
        { FieldType.OrderLink, ["等于", "不等于", "包含", "不包含", "开头是", "结尾是", "为空", "不为空"] },
    };

    public static TheoryData<FieldType, string[]> OperatorsInChinese() => new(ChineseOperators.Select(row => (row.Key, row.Value)));

    [Fact]
    public void OperatorTable_NamesEveryFieldType()
    {
        Assert.Equal(Enum.GetValues<FieldType>(), ChineseOperators.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(OperatorsInChinese))]
    public void Operators_AreExactlyThoseTheDomainAllows_ForEveryTriggerType(FieldType type, string[] expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        var cut = RenderEditor();
        Choose(cut, "rule-when", $"{type} field");

        var offered = Choices(cut, "rule-operator");

        Assert.Equal(expected, offered);
    }

    [Fact]
    public void Operators_FollowTheTrigger_WhenTriggerChanges()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "MultiSelect field");
        Assert.Equal(["contains", "does not contain", "is empty", "is not empty"], Choices(cut, "rule-operator"));

        Choose(cut, "rule-when", "Checkbox field");

        Assert.Equal(["is unchecked", "is checked"], Choices(cut, "rule-operator"));
    }

    [Fact]
    public void Operand_OffersTheOptions_ForDropdownTrigger_AndHidesForIsEmpty()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Dropdown field");

        Assert.Equal(["Air conditioner", "Fridge"], Choices(cut, "rule-operand"));

        Choose(cut, "rule-operator", L.OperatorName(ConditionOperator.IsEmpty));

        Assert.False(Has(cut, "rule-operand"));
    }

    [Fact]
    public void RequiredChoices_LeaveOutTheTrigger()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Dropdown field");

        var offered = Choices(cut, "rule-required");

        Assert.DoesNotContain("Dropdown field", offered);
        Assert.Contains("Model", offered);
    }

    [Fact]
    public void Add_SendsTheRule_AndClearsTheEditor()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Dropdown field");
        Choose(cut, "rule-operand", "Air conditioner");
        Choose(cut, "rule-required", "Model");

        cut.Find("[data-testid=add-rule]").Click();

        var rule = Assert.Single(_saved);
        Assert.Equal(("dropdown", ConditionOperator.Equals, "Air conditioner", "model"), (rule.WhenFieldKey, rule.Operator, rule.Operand, rule.RequiredFieldKey));
        Assert.False(Has(cut, "rule-operand"));
        Assert.True(cut.Find("[data-testid=add-rule]").HasAttribute("disabled"));
    }

    [Fact]
    public void Add_SendsIsNotEmpty_ForACheckedCheckbox()
    {
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Checkbox field");
        Choose(cut, "rule-operator", L["Conditions.Checked"].Value);
        Choose(cut, "rule-required", "Model");

        Assert.Equal(L["Templates.RuleSentenceNoOperand", "Checkbox field", L["Conditions.Checked"].Value, "Model"].Value,
            cut.Find("[data-testid=rule-preview]").TextContent);
        cut.Find("[data-testid=add-rule]").Click();

        var rule = Assert.Single(_saved);
        Assert.Equal(("checkbox", ConditionOperator.IsNotEmpty, (string?)null), (rule.WhenFieldKey, rule.Operator, rule.Operand));
    }

    [Fact]
    public void Add_ShowsTheRefusalBesideTheOperand_AndKeepsTheInput()
    {
        _save = _ => throw new DomainException("RuleOperandInvalid", "\"abc\" is not a value Number field can take.", "abc", "Number field") { Field = "Operand" };
        var cut = RenderEditor();
        Choose(cut, "rule-when", "Number field");
        cut.Find("input[data-testid=rule-operand]").Input("abc");
        Choose(cut, "rule-required", "Model");

        cut.Find("[data-testid=add-rule]").Click();

        var operand = cut.Find("input[data-testid=rule-operand]").Closest(".mud-input-control")!;
        Assert.Contains(L["Error.RuleOperandInvalid", "abc", "Number field"].Value, operand.TextContent, StringComparison.Ordinal);
        Assert.Equal("abc", cut.Find("input[data-testid=rule-operand]").GetAttribute("value"));
        Assert.Empty(_saved);
    }
}
