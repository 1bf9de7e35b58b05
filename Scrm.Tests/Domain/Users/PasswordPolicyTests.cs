using Scrm.Domain.Users;
using Xunit;

namespace Scrm.Tests.Domain.Users;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void NineCharacters_AreTooShort()
    {
        Assert.Equal([PasswordProblem.TooShort], PasswordPolicy.Check("zhang.wei", "Tea-pot-9"));
    }

    [Fact]
    public void TenCharacters_Pass()
    {
        Assert.Empty(PasswordPolicy.Check("zhang.wei", "Tea-pot-99"));
    }

    [Theory]
    [InlineData("zhang.wei", "zhang.wei-2026")]
    [InlineData("zhang.wei", "2026ZHANG.WEI!")]
    [InlineData("Zhang.Wei", "my-zhang.wei-pw")]
    public void APasswordContainingTheUserName_InAnyCase_IsRefused(string userName, string password)
    {
        Assert.Equal([PasswordProblem.SameAsUserName], PasswordPolicy.Check(userName, password));
    }

    [Theory]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("qwertyuiop")]
    [InlineData("QWERTYUIOP")]
    [InlineData("woaini1314")]
    public void ACommonPassword_IsRefused(string password)
    {
        Assert.Equal([PasswordProblem.Common], PasswordPolicy.Check("zhang.wei", password));
    }

    [Theory]
    [InlineData("aaaaaaaaaa")]
    [InlineData("7777777777")]
    [InlineData("############")]
    public void TenIdenticalCharacters_AreCommon(string password)
    {
        Assert.Equal([PasswordProblem.Common], PasswordPolicy.Check("zhang.wei", password));
    }

    [Fact]
    public void AShortCommonPasswordWithTheUserName_ListsEveryProblem()
    {
        Assert.Equal([PasswordProblem.TooShort, PasswordProblem.SameAsUserName, PasswordProblem.Common], PasswordPolicy.Check("a", "aaaa"));
    }

    [Fact]
    public void NoPassword_IsTooShort()
    {
        Assert.Equal([PasswordProblem.TooShort], PasswordPolicy.Check("zhang.wei", null));
    }
}
