using Bunit;
using Scrm.Domain.Conditions;
using Scrm.Domain.Templates;
using Scrm.Web.Features.Tickets.Components;
using Xunit;

namespace Scrm.Tests.Web.Tickets;

/// <summary>The template-driven form: 智能必填 markers follow the values live, bad input is flagged as typed.</summary>
public sealed class TicketFieldsFormTests : ScrmComponentTest
{
    private static TicketTemplate Template()
    {
        var template = new TicketTemplate("Install", null);
        template.AddField("remove_old", "Remove old unit", FieldType.Checkbox);
        template.AddField("old_units", "Old units", FieldType.Number, min: 1, max: 10);
        template.AddField("address", "Address", FieldType.Text, isRequired: true);
        template.AddRule("remove_old", ConditionOperator.IsNotEmpty, null, "old_units");
        return template;
    }

    [Fact]
    public void RequiredMarker_FollowsTheRuleAsTheCheckboxChanges()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var cut = Render<TicketFieldsForm>(p => p.Add(f => f.Template, Template()).Add(f => f.Values, values));

        Assert.Equal("false", cut.Find("[data-field=old_units]").GetAttribute("data-required"));
        Assert.Equal("true", cut.Find("[data-field=address]").GetAttribute("data-required"));

        cut.Find("[data-field=remove_old] input[type=checkbox]").Change(true);
        Assert.Equal("true", cut.Find("[data-field=old_units]").GetAttribute("data-required"));
        Assert.Contains("Old units *", cut.Find("[data-field=old_units] label").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", values["remove_old"]);

        cut.Find("[data-field=remove_old] input[type=checkbox]").Change(false);
        Assert.Equal("false", cut.Find("[data-field=old_units]").GetAttribute("data-required"));
        Assert.DoesNotContain("*", cut.Find("[data-field=old_units] label").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberField_ShowsAMessageWhenLettersAreTyped()
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var cut = Render<TicketFieldsForm>(p => p.Add(f => f.Template, Template()).Add(f => f.Values, values));

        cut.Find("[data-field=old_units] input").Input("two");
        cut.Find("[data-field=old_units] input").Blur();

        cut.WaitForAssertion(() => Assert.Contains("Old units must be a number.", cut.Find("[data-field=old_units]").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void ServerErrors_AreShownBesideTheirField()
    {
        var errors = new List<FieldError> { new("address", "Address", "Required", []) };
        var cut = Render<TicketFieldsForm>(p => p
            .Add(f => f.Template, Template())
            .Add(f => f.Values, new Dictionary<string, string?>(StringComparer.Ordinal))
            .Add(f => f.ServerErrors, errors));

        Assert.Contains("Address is required.", cut.Find("[data-field=address]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("required", cut.Find("[data-field=old_units]").TextContent, StringComparison.Ordinal);
    }
}
