using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Tests.Web.Templates;
using Scrm.Web.Features.Workflows.Components;
using Xunit;

namespace Scrm.Tests.Web.Workflows;

/// <summary>The guard editor offers only the operators that fit the chosen subject, and builds conditions through the domain.</summary>
public sealed class ConditionBuilderTests : MudTestContext
{
    private static TicketTemplate Template()
    {
        var template = new TicketTemplate("Install", null);
        template.AddField("old_units", "Old units", FieldType.Number, min: 1, max: 10);
        template.AddField("remove_old", "Remove old unit", FieldType.Checkbox);
        template.AddField("product", "Product", FieldType.Dropdown, options: ["AC", "Heater"]);
        return template;
    }

    private ConditionGroup? _emitted;

    // The builder inside a host that keeps what it emits, as the designer page does.
    private IRenderedComponent<ContainerFragment> RenderBuilder(ConditionGroup group) => RenderWithProviders(b =>
    {
        b.OpenComponent<GuardHost>(0);
        b.AddAttribute(1, nameof(GuardHost.Group), group);
        b.AddAttribute(2, nameof(GuardHost.Template), Template());
        b.AddAttribute(3, nameof(GuardHost.Emitted), (Action<ConditionGroup>)(g => _emitted = g));
        b.CloseComponent();
    });

    private IEnumerable<string> Texts(IEnumerable<ConditionOperator> ops) => ops.Select(o => L[$"ConditionOperator.{o}"].Value);

    [Fact]
    public void NumberField_OffersNumericOperatorsOnly()
    {
        var cut = RenderBuilder(ConditionGroup.All(Condition.OnField("old_units", ConditionOperator.GreaterThan, "2")));

        var offered = Choices(cut, "condition-operator");

        Assert.Equal(Texts(ConditionOperators.For(FieldType.Number)), offered);
        Assert.DoesNotContain(L["ConditionOperator.Contains"].Value, offered);
        Assert.DoesNotContain(L["ConditionOperator.StartsWith"].Value, offered);
    }

    [Fact]
    public void ChoosingACheckbox_LeavesOnlyIsEmptyAndIsNotEmpty_AndEmitsAValidCondition()
    {
        var cut = RenderBuilder(ConditionGroup.All(Condition.OnField("old_units", ConditionOperator.GreaterThan, "2")));

        Choose(cut, "condition-subject", "Remove old unit");

        Assert.Equal(Texts([ConditionOperator.IsEmpty, ConditionOperator.IsNotEmpty]), Choices(cut, "condition-operator"));
        var condition = Assert.Single(_emitted!.Conditions);
        Assert.Equal(ConditionSubject.Field("remove_old"), condition.Subject);
        Assert.Equal(ConditionOperator.IsEmpty, condition.Operator);
    }

    [Fact]
    public void BadOperand_ShowsTheDomainMessageBesideTheInput_AndEmitsNothing()
    {
        var cut = RenderBuilder(ConditionGroup.All(Condition.OnField("old_units", ConditionOperator.GreaterThan, "2")));

        cut.Find("input[data-testid=operand-text]").Change("many");

        cut.WaitForAssertion(() => Assert.Contains("many", cut.Find("[data-testid=condition-error]").TextContent, StringComparison.Ordinal));
        Assert.Null(_emitted);
    }

    [Fact]
    public void AddGroup_NestsAnAnyGroup()
    {
        var cut = RenderBuilder(ConditionGroup.All(Condition.OnField("old_units", ConditionOperator.GreaterThan, "2")));

        cut.Find("button[data-testid=add-group]").Click();

        var nested = Assert.Single(_emitted!.Groups);
        Assert.Equal(GroupMode.Any, nested.Mode);
        Assert.Single(nested.Conditions);
    }
}

/// <summary>Holds the guard the way the designer does: what the builder emits is what it gets back.</summary>
internal sealed class GuardHost : ComponentBase
{
    private ConditionGroup? _group;

    [Parameter] public ConditionGroup Group { get; set; } = null!;

    [Parameter] public TicketTemplate Template { get; set; } = null!;

    [Parameter] public Action<ConditionGroup>? Emitted { get; set; }

    protected override void OnInitialized() => _group = Group;

    protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
    {
        builder.OpenComponent<ConditionBuilder>(0);
        builder.AddAttribute(1, nameof(ConditionBuilder.Group), _group);
        builder.AddAttribute(2, nameof(ConditionBuilder.Template), Template);
        builder.AddAttribute(3, nameof(ConditionBuilder.GroupChanged), EventCallback.Factory.Create<ConditionGroup>(this, g =>
        {
            _group = g;
            Emitted?.Invoke(g);
        }));
        builder.CloseComponent();
    }
}
