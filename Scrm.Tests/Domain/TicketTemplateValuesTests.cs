using Scrm.Domain.Conditions;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

/// <summary>Checking a ticket's posted values against its template.</summary>
public sealed class TicketTemplateValuesTests
{
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

    private static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
