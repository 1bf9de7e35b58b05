using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Xunit;

namespace Scrm.Tests.Domain.Users;

public sealed class UserNamesTests
{
    [Theory]
    [InlineData("zhang", "ZHANG")]
    [InlineData("zhang", "Zhang")]
    [InlineData("zhang", "ＺＨＡＮＧ")]
    [InlineData("zhang", "ｚｈａｎｇ")]
    [InlineData("zhang.wei", " Zhang.Wei ")]
    public void Names_DifferingOnlyInCaseOrWidth_AreTheSameAccount(string a, string b)
    {
        Assert.True(UserNames.SameAccount(a, b));
        Assert.Equal(UserNames.Normalize(a), UserNames.Normalize(b));
    }

    [Fact]
    public void Normalize_GivesTheUpperCaseHalfWidthForm()
    {
        Assert.Equal("ZHANG.WEI", UserNames.Normalize(" ｚｈａｎｇ.wei "));
    }

    [Fact]
    public void DifferentNames_AreDifferentAccounts()
    {
        Assert.False(UserNames.SameAccount("zhang", "zhang2"));
    }

    [Fact]
    public void Validate_KeepsTheNameAsTyped_ButFoldsFullWidthAndTrims()
    {
        Assert.Equal("Zhang.Wei", UserNames.Validate(" Ｚｈａｎｇ.Ｗｅｉ "));
    }

    [Theory]
    [InlineData("张伟")]
    [InlineData("zhang wei")]
    [InlineData("zhang/wei")]
    [InlineData("zhang#1")]
    public void Validate_RefusesInvalidCharacters(string name)
    {
        var error = Assert.Throws<DomainException>(() => UserNames.Validate(name));

        Assert.Equal("UserNameInvalid", error.Code);
        Assert.Equal("UserName", error.Field);
    }

    [Theory]
    [InlineData("zw")]
    [InlineData("a")]
    public void Validate_RefusesNamesShorterThanThree(string name)
    {
        Assert.Equal("UserNameInvalid", Assert.Throws<DomainException>(() => UserNames.Validate(name)).Code);
    }

    [Fact]
    public void Validate_RefusesNamesLongerThanFifty()
    {
        Assert.Equal("UserNameInvalid", Assert.Throws<DomainException>(() => UserNames.Validate(new string('a', 51))).Code);
        Assert.Equal(50, UserNames.Validate(new string('a', 50)).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_RefusesAnEmptyName(string? name)
    {
        Assert.Equal("Required", Assert.Throws<DomainException>(() => UserNames.Validate(name)).Code);
    }
}
