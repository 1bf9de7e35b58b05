using Scrm.Domain.Templates;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class FieldValuesNormalizeTests
{
    private static readonly TicketTemplate _template = new TemplateBuilder().WithoutRule().Build();

    private static FieldDefinition FieldOf(FieldType type) => _template.Fields.Single(f => f.Type == type);

    public static TheoryData<FieldType, string, string> Accepted => new()
    {
        { FieldType.Text, "  Paper jam  ", "Paper jam" },
        { FieldType.Text, new string('字', FieldValues.TextMaxLength), new string('字', FieldValues.TextMaxLength) },
        { FieldType.Multiline, "line one\nline two", "line one\nline two" },
        { FieldType.Number, "12", "12" },
        { FieldType.Number, "12.50", "12.5" },
        { FieldType.Number, " 7 ", "7" },
        { FieldType.Number, "1,000", "1000" },
        { FieldType.Number, "0.125", "0.125" },
        { FieldType.Number, "0", "0" },
        { FieldType.Money, "1234.5", "1234.50" },
        { FieldType.Money, "¥1,234.5", "1234.50" },
        { FieldType.Money, "12", "12.00" },
        { FieldType.Money, "1.500", "1.50" },
        { FieldType.Money, "-3.2", "-3.20" },
        { FieldType.Date, "2026-11-25", "2026-11-25" },
        { FieldType.Date, "2026/11/25", "2026-11-25" },
        { FieldType.Date, "2026/1/5", "2026-01-05" },
        { FieldType.Date, "2026-1-5", "2026-01-05" },
        { FieldType.Date, "2026.12.25", "2026-12-25" },
        { FieldType.Date, "2026年12月25日", "2026-12-25" },
        { FieldType.Date, "2026年1月5日", "2026-01-05" },
        { FieldType.Date, "2026 年 1 月 5 日", "2026-01-05" },
        { FieldType.Date, "２０２６年１２月２５日", "2026-12-25" },
        { FieldType.Date, "２０２６－１２－２５", "2026-12-25" },
        { FieldType.Date, "2028/2/29", "2028-02-29" },
        { FieldType.Number, "１２３", "123" },
        { FieldType.Number, "１２．５", "12.5" },
        { FieldType.WholeNumber, "3", "3" },
        { FieldType.WholeNumber, "３", "3" },
        { FieldType.WholeNumber, "3.0", "3" },
        { FieldType.Money, "－３．２", "-3.20" },
        { FieldType.Money, "￥１２", "12.00" },
        { FieldType.Phone, "１３８１２３４５６７８", "13812345678" },
        { FieldType.Phone, "０５７１－８８８８８８８", "0571-8888888" },
        { FieldType.Text, string.Concat(Enumerable.Repeat("𠀀", FieldValues.TextMaxLength)), string.Concat(Enumerable.Repeat("𠀀", FieldValues.TextMaxLength)) },
        { FieldType.Date, "2026-11-25T10:30:00", "2026-11-25" },
        { FieldType.Date, "2000-01-01", "2000-01-01" },
        { FieldType.Date, "2099-12-31", "2099-12-31" },
        { FieldType.Dropdown, "Install", "Install" },
        { FieldType.Dropdown, " Inspect ", "Inspect" },
        { FieldType.MultiSelect, "Blue,Red", """["Red","Blue"]""" },
        { FieldType.MultiSelect, """["Blue","Red"]""", """["Red","Blue"]""" },
        { FieldType.MultiSelect, "Green, Green", """["Green"]""" },
        { FieldType.MultiSelect, "Blue, Green, Red", """["Red","Green","Blue"]""" },
        { FieldType.Checkbox, "true", "true" },
        { FieldType.Checkbox, "True", "true" },
        { FieldType.Phone, "13812345678", "13812345678" },
        { FieldType.Phone, " 13812345678 ", "13812345678" },
        { FieldType.Phone, "010-12345678", "010-12345678" },
        { FieldType.Phone, "0571-8888888", "0571-8888888" },
        { FieldType.Phone, "01012345678", "01012345678" },
        { FieldType.Phone, "138 1234 5678", "13812345678" },
        { FieldType.Phone, "138-1234-5678", "13812345678" },
        { FieldType.Phone, "+8613812345678", "13812345678" },
        { FieldType.Phone, "+86 138-1234-5678", "13812345678" },
        { FieldType.Phone, "0086 13812345678", "13812345678" },
        { FieldType.Phone, "0571 8888888", "05718888888" },
        { FieldType.CustomerLink, "42", "42" },
        { FieldType.CustomerLink, "042", "42" },
        { FieldType.OrderLink, "SO-2026-0001", "SO-2026-0001" },
        { FieldType.OrderLink, "ab_1", "ab_1" },
        { FieldType.OrderLink, new string('A', 40), new string('A', 40) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Normalize_ReturnsCanonicalValue_WhenInputValid(FieldType type, string raw, string expected)
    {
        var (value, error) = FieldValues.Normalize(FieldOf(type), raw);

        Assert.Null(error);
        Assert.Equal(expected, value);
    }

    public static TheoryData<FieldType, string, string> Refused => new()
    {
        { FieldType.Text, new string('a', FieldValues.TextMaxLength + 1), "TooLong" },
        { FieldType.Multiline, new string('a', FieldValues.MultilineMaxLength + 1), "TooLong" },
        { FieldType.Number, "12a", "NotANumber" },
        { FieldType.Number, "abc", "NotANumber" },
        { FieldType.Number, "1e3", "NotANumber" },
        { FieldType.Number, "1.2.3", "NotANumber" },
        { FieldType.Number, "1 000", "NotANumber" },
        { FieldType.Number, "1001", "OutOfRange" },
        { FieldType.Number, "-1", "OutOfRange" },
        { FieldType.Money, "12.345", "TooManyDecimals" },
        { FieldType.Money, "1.005", "TooManyDecimals" },
        { FieldType.Money, "12元", "NotANumber" },
        { FieldType.Date, "1999-12-31", "DateOutOfRange" },
        { FieldType.Date, "2100-01-01", "DateOutOfRange" },
        { FieldType.Date, "2026/11-25", "NotADate" },
        { FieldType.Date, "2027/02/30", "NotADate" },
        { FieldType.Date, "2026/13/01", "NotADate" },
        { FieldType.Date, "2026年12月", "NotADate" },
        { FieldType.Date, "٢٠٢٦-١١-٢٥", "NotADate" },
        { FieldType.Date, "2026-11-25" + new string(' ', 20) + "x", "TooLong" },
        { FieldType.WholeNumber, "3.5", "NotAWholeNumber" },
        { FieldType.WholeNumber, "３．５", "NotAWholeNumber" },
        { FieldType.WholeNumber, "21", "OutOfRange" },
        { FieldType.Number, new string('1', 31), "TooLong" },
        { FieldType.Money, new string('9', 31), "TooLong" },
        { FieldType.Text, string.Concat(Enumerable.Repeat("𠀀", FieldValues.TextMaxLength + 1)), "TooLong" },
        { FieldType.Date, "25-11-2026", "NotADate" },
        { FieldType.Date, "2026-02-30", "NotADate" },
        { FieldType.Date, "tomorrow", "NotADate" },
        { FieldType.Date, "0000-01-01", "NotADate" },
        { FieldType.Dropdown, "Deliver", "NotAnOption" },
        { FieldType.Dropdown, "install", "NotAnOption" },
        { FieldType.MultiSelect, "Red,Purple", "NotAnOption" },
        { FieldType.MultiSelect, """["Red" """, "NotAnOption" },
        { FieldType.MultiSelect, "[1]", "NotAnOption" },
        { FieldType.MultiSelect, "[null]", "NotAnOption" },
        { FieldType.MultiSelect, """["Red",null]""", "NotAnOption" },
        { FieldType.Checkbox, "yes", "NotABoolean" },
        { FieldType.Checkbox, "1", "NotABoolean" },
        { FieldType.Phone, "1381234567", "NotAPhone" },
        { FieldType.Phone, "138123456789", "NotAPhone" },
        { FieldType.Phone, "23812345678", "NotAPhone" },
        { FieldType.Phone, "12345678", "NotAPhone" },
        { FieldType.Phone, "+86123", "NotAPhone" },
        { FieldType.Phone, "138-1234-567", "NotAPhone" },
        { FieldType.Phone, "phone", "NotAPhone" },
        { FieldType.CustomerLink, "0", "NotACustomer" },
        { FieldType.CustomerLink, "-1", "NotACustomer" },
        { FieldType.CustomerLink, "abc", "NotACustomer" },
        { FieldType.OrderLink, "abc", "NotAnOrderNumber" },
        { FieldType.OrderLink, new string('A', 41), "NotAnOrderNumber" },
        { FieldType.OrderLink, "-SO1234", "NotAnOrderNumber" },
        { FieldType.OrderLink, "SO 1234", "NotAnOrderNumber" },
        { FieldType.OrderLink, "订单1234", "NotAnOrderNumber" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Normalize_ReturnsError_WhenInputInvalid(FieldType type, string raw, string code)
    {
        var field = FieldOf(type);

        var (value, error) = FieldValues.Normalize(field, raw);

        Assert.Null(value);
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(field.Key, error.FieldKey);
        Assert.Equal(field.Label, error.FieldLabel);
    }

    public static TheoryData<FieldType> AllTypes => new(Enum.GetValues<FieldType>());

    [Theory]
    [MemberData(nameof(AllTypes))]
    public void Normalize_ReturnsNoValue_WhenInputBlank(FieldType type)
    {
        foreach (var raw in new[] { null, "", "   " })
        {
            Assert.Equal((null, null), FieldValues.Normalize(FieldOf(type), raw));
        }
    }

    [Theory]
    [InlineData("false")]
    [InlineData("False")]
    public void Normalize_StoresNoValue_WhenCheckboxUnchecked(string raw)
    {
        Assert.Equal((null, null), FieldValues.Normalize(FieldOf(FieldType.Checkbox), raw));
    }

    [Fact]
    public void Normalize_StoresNoValue_WhenMultiSelectEmptyArray()
    {
        Assert.Equal((null, null), FieldValues.Normalize(FieldOf(FieldType.MultiSelect), "[]"));
    }

    [Fact]
    public void Normalize_StoresEqualSelectionsEqually_WhateverTheOrder()
    {
        var field = FieldOf(FieldType.MultiSelect);

        var first = FieldValues.Normalize(field, "Blue,Green").Value;
        var second = FieldValues.Normalize(field, """["Green","Blue"]""").Value;

        Assert.Equal(first, second);
        Assert.Equal(["Green", "Blue"], FieldValues.ReadMultiSelect(first));
    }

    [Fact]
    public void Normalize_NamesTheUnknownOption_WhenMultiSelectHasOne()
    {
        var (_, error) = FieldValues.Normalize(FieldOf(FieldType.MultiSelect), "Red,Purple");

        Assert.Equal(["Purple"], error!.Args);
        Assert.Equal("\"Purple\" is not one of the choices of Colors.", error.Message);
    }

    [Fact]
    public void Normalize_GivesBounds_WhenNumberOutOfRange()
    {
        var (_, error) = FieldValues.Normalize(FieldOf(FieldType.Number), "1001");

        Assert.Equal(["0", "1000"], error!.Args);
        Assert.Equal("Quantity must be between 0 and 1000.", error.Message);
    }

    [Fact]
    public void Normalize_GivesMaxLength_WhenTextTooLong()
    {
        var (_, error) = FieldValues.Normalize(FieldOf(FieldType.Text), new string('a', 201));

        Assert.Equal([200], error!.Args);
    }

    [Fact]
    public void Normalize_GivesDefaultBounds_WhenDateBeforeYear2000()
    {
        var (_, error) = FieldValues.Normalize(FieldOf(FieldType.Date), "1999-12-31");

        Assert.Equal(["2000-01-01", "2099-12-31"], error!.Args);
    }

    [Theory]
    [InlineData("2025-12-31", "DateOutOfRange")]
    [InlineData("2026-01-01", null)]
    [InlineData("2026-06-30", null)]
    [InlineData("2026-06-30T23:59:59", null)]
    [InlineData("2026-07-01", "DateOutOfRange")]
    public void Normalize_UsesFieldDateBounds_WhenSet(string raw, string? code)
    {
        var field = new TicketTemplate("Bounds", null).AddField("due", "Due", FieldType.Date,
            minDate: new DateOnly(2026, 1, 1), maxDate: new DateOnly(2026, 6, 30));

        var (value, error) = FieldValues.Normalize(field, raw);

        Assert.Equal(code, error?.Code);
        Assert.Equal(code is null ? raw[..10] : null, value);
        if (error is not null)
        {
            Assert.Equal(["2026-01-01", "2026-06-30"], error.Args);
        }
    }

    [Theory]
    [InlineData("9.99", "OutOfRange")]
    [InlineData("10", null)]
    [InlineData("500.00", null)]
    [InlineData("500.01", "OutOfRange")]
    public void Normalize_UsesFieldBounds_WhenMoneyHasMinAndMax(string raw, string? code)
    {
        var field = new TicketTemplate("Bounds", null).AddField("fee", "Fee", FieldType.Money, min: 10, max: 500);

        Assert.Equal(code, FieldValues.Normalize(field, raw).Error?.Code);
    }
}
