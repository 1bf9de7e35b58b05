using Bunit;
using Scrm.Web.Shared;
using Xunit;

namespace Scrm.Tests.Web.Shared;

/// <summary>A denial offers the way home under the name the drawer gives it.</summary>
public sealed class AccessDeniedForCustomerTests : ScrmComponentTest
{
    protected override string UserName => "customer";

    [Fact]
    public void ACustomer_IsOfferedTheirTickets()
    {
        var cut = Render<AccessDenied>();

        Assert.Equal("My tickets", cut.Find("a[href='/']").TextContent.Trim());
    }
}

public sealed class AccessDeniedForStaffTests : ScrmComponentTest
{
    protected override string UserName => "finance";

    [Fact]
    public void Staff_AreOfferedTheirWork()
    {
        var cut = Render<AccessDenied>();

        Assert.Equal("My work", cut.Find("a[href='/']").TextContent.Trim());
    }
}
