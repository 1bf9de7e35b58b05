using Scrm.Domain.Catalog;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain.Catalog;

public sealed class CatalogCodeTests
{
    [Theory]
    [InlineData("  ac-install-1p ", "AC-INSTALL-1P")]
    [InlineData("r32", "R32")]
    [InlineData("1001", "1001")]
    [InlineData("A-B-C-0123456789-0123456789-ABCD", "A-B-C-0123456789-0123456789-ABCD")] // 32 characters
    public void Normalize_TrimsAndUpperCases(string code, string expected) => Assert.Equal(expected, CatalogCode.Normalize(code));

    [Theory]
    [InlineData("AC INSTALL")]
    [InlineData("AC_INSTALL")]
    [InlineData("空调安装")]
    [InlineData("ＡＣ")]
    [InlineData("AC/1P")]
    public void Normalize_RefusesCharactersOutsideLettersDigitsAndHyphens(string code)
    {
        var error = Assert.Throws<DomainException>(() => CatalogCode.Normalize(code));

        Assert.Equal("CatalogCodeInvalid", error.Code);
        Assert.Equal("Code", error.Field);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_RefusesAMissingCode(string? code) => Assert.Equal("Required", Assert.Throws<DomainException>(() => CatalogCode.Normalize(code)).Code);

    [Fact]
    public void Normalize_RefusesMoreThan32Characters()
    {
        var error = Assert.Throws<DomainException>(() => CatalogCode.Normalize(new string('A', 33)));

        Assert.Equal("TooLong", error.Code);
        Assert.Equal(new object[] { "Code", 32 }, error.Args);
    }
}

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("2.5", false)]
    [InlineData("0.01", false)]
    [InlineData("1000000000", false)]
    public void Check_AcceptsAtMostTwoDecimals_UpToTheMaximum(string text, bool allowZero)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(value, Quantity.Check(value, "Quantity", allowZero));
    }

    [Theory]
    [InlineData("0.005", true, "QuantityDecimals")]
    [InlineData("1.234", false, "QuantityDecimals")]
    [InlineData("-1", true, "QuantityNegative")]
    [InlineData("0", false, "QuantityNotPositive")]
    [InlineData("-0.5", false, "QuantityNotPositive")]
    [InlineData("1000000000.01", true, "QuantityTooLarge")]
    public void Check_RefusesWhatIsNotAQuantity(string text, bool allowZero, string code)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => Quantity.Check(value, "Quantity", allowZero));

        Assert.Equal(code, error.Code);
        Assert.Equal("Quantity", error.Field);
    }

    [Fact]
    public void TrailingZeros_DoNotCountAsDecimals() => Assert.Equal(2.50m, Quantity.Check(2.500m, "Quantity", allowZero: false));
}
