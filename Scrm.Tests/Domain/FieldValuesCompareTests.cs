using Scrm.Domain.Templates;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class FieldValuesCompareTests
{
    [Theory]
    [InlineData(FieldType.Dropdown, "Install", "Install", true)]
    [InlineData(FieldType.Dropdown, "Repair", "Install", false)]
    [InlineData(FieldType.Text, "abc", "ABC", true)]
    [InlineData(FieldType.Number, "10", "10.0", true)]
    [InlineData(FieldType.Money, "1234.50", "1234.5", true)]
    [InlineData(FieldType.Date, "2026-11-25", "2026-11-25", true)]
    [InlineData(FieldType.Dropdown, null, "Install", false)]
    public void Compare_Equals(FieldType type, string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.Equals, operand));
    }

    [Theory]
    [InlineData(FieldType.Dropdown, "Repair", "Install", true)]
    [InlineData(FieldType.Dropdown, "Install", "Install", false)]
    [InlineData(FieldType.Number, "10", "10.00", false)]
    [InlineData(FieldType.Dropdown, null, "Install", true)]
    public void Compare_NotEquals(FieldType type, string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.NotEquals, operand));
    }

    [Theory]
    [InlineData(FieldType.Number, "10", "9", true)] // as numbers, not as text ("10" < "9")
    [InlineData(FieldType.Number, "9", "10", false)]
    [InlineData(FieldType.Number, "10", "10", false)]
    [InlineData(FieldType.Money, "100.00", "99.99", true)]
    [InlineData(FieldType.Money, "-5.00", "1.00", false)]
    [InlineData(FieldType.Date, "2026-11-25", "2026-01-31", true)]
    [InlineData(FieldType.Date, "2025-12-31", "2026-01-01", false)]
    [InlineData(FieldType.Number, null, "1", false)]
    public void Compare_GreaterThan(FieldType type, string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.GreaterThan, operand));
    }

    [Theory]
    [InlineData(FieldType.Number, "9", "10", true)]
    [InlineData(FieldType.Number, "-5", "3", true)]
    [InlineData(FieldType.Number, "10", "9", false)]
    [InlineData(FieldType.Money, "999.99", "1000.00", true)]
    [InlineData(FieldType.Date, "2026-01-31", "2026-02-01", true)]
    [InlineData(FieldType.Date, "2026-02-01", "2026-02-01", false)]
    [InlineData(FieldType.Number, null, "1", false)]
    public void Compare_LessThan(FieldType type, string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.LessThan, operand));
    }

    [Theory]
    [InlineData(FieldType.Text, "Printer jams daily", "JAM", true)]
    [InlineData(FieldType.Text, "Printer jams daily", "toner", false)]
    [InlineData(FieldType.MultiSelect, """["Red","Blue"]""", "Blue", true)]
    [InlineData(FieldType.MultiSelect, """["Red","Blue"]""", "blue", true)]
    [InlineData(FieldType.MultiSelect, """["Red","Blue"]""", "Green", false)]
    [InlineData(FieldType.MultiSelect, """["Red","Blue"]""", "Re", false)] // an option, not a fragment
    [InlineData(FieldType.MultiSelect, null, "Red", false)]
    [InlineData(FieldType.Text, null, "x", false)]
    public void Compare_Contains(FieldType type, string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.Contains, operand));
    }

    [Theory]
    [InlineData(FieldType.Text, null, true)]
    [InlineData(FieldType.Text, "", true)]
    [InlineData(FieldType.Text, "x", false)]
    [InlineData(FieldType.Number, "0", false)]
    [InlineData(FieldType.Checkbox, null, true)]
    [InlineData(FieldType.Checkbox, "false", true)]
    [InlineData(FieldType.Checkbox, "true", false)]
    [InlineData(FieldType.MultiSelect, """["Red"]""", false)]
    public void Compare_IsEmpty(FieldType type, string? value, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.IsEmpty, null));
    }

    [Theory]
    [InlineData(FieldType.Text, null, false)]
    [InlineData(FieldType.Text, "x", true)]
    [InlineData(FieldType.Number, "0", true)]
    [InlineData(FieldType.Checkbox, "false", false)]
    [InlineData(FieldType.Checkbox, "true", true)]
    public void Compare_IsNotEmpty(FieldType type, string? value, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(type, value, RuleOperator.IsNotEmpty, null));
    }

    [Theory]
    [InlineData("true", "true", true)]
    [InlineData(null, "true", false)]
    [InlineData(null, null, true)] // unchecked is stored as no value
    [InlineData("true", null, false)]
    public void Compare_ChecksCheckboxState_WhenEquals(string? value, string? operand, bool expected)
    {
        Assert.Equal(expected, FieldValues.Compare(FieldType.Checkbox, value, RuleOperator.Equals, operand));
    }

    [Theory]
    [InlineData(RuleOperator.GreaterThan)]
    [InlineData(RuleOperator.NotEquals)]
    public void Compare_IsFalse_WhenOperatorDoesNotApplyToCheckbox(RuleOperator op)
    {
        Assert.False(FieldValues.Compare(FieldType.Checkbox, "true", op, null));
    }
}
