using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Account;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/tickets?status=New", "/tickets?status=New")]
    [InlineData("/工单", "/%E5%B7%A5%E5%8D%95")]
    [InlineData("/%E5%B7%A5%E5%8D%95", "/%E5%B7%A5%E5%8D%95")]
    [InlineData("/tickets/12#history", "/tickets/12#history")]
    [InlineData("//evil.com", "/")]
    [InlineData("/\\evil.com", "/")]
    [InlineData("https://evil.com", "/")]
    [InlineData("evil.com", "/")]
    [InlineData("/\r\nSet-Cookie: x=1", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void Sanitize_KeepsLocalPaths_AsAscii_AndSendsEverythingElseHome(string? url, string expected) =>
        Assert.Equal(expected, LocalUrl.Sanitize(url));
}
