using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Web.Features.Dashboards;
using Xunit;

namespace Scrm.Tests.Web.Dashboards;

public sealed class WallScreenTests
{
    private static Actor As(Role role) => new("u1", "李娜", role, ActorChannel.Web);

    [Theory]
    [InlineData("http://h/dashboards/revenue?period=today&wall=30", 30)]
    [InlineData("http://h/dashboards/operations?wall=5", 10)]
    [InlineData("http://h/dashboards/dwell?wall=99999", 3600)]
    public void AWallUrl_GivesItsIntervalWithinBounds(string uri, int seconds) => Assert.Equal(seconds, WallScreen.Seconds(uri));

    [Theory]
    [InlineData("http://h/dashboards/revenue?wall=abc")]
    [InlineData("http://h/dashboards/revenue?wall=-30")]
    [InlineData("http://h/dashboards/revenue")]
    [InlineData("http://h/tickets?wall=30")]
    public void AnythingElse_IsTheNormalPage(string uri) => Assert.Null(WallScreen.Seconds(uri));

    [Fact]
    public void ASupervisor_RotatesThroughAllThree_KeepingThePeriod()
    {
        Assert.Equal("dashboards/operations?wall=20&period=month", WallScreen.Next("http://h/dashboards/revenue?period=month&wall=20&city=4", As(Role.Supervisor)));
        Assert.Equal("dashboards/dwell?wall=20&from=2026-11-01&to=2026-11-30", WallScreen.Next("http://h/dashboards/operations?wall=20&from=2026-11-01&to=2026-11-30", As(Role.Supervisor)));
        Assert.Equal("dashboards/revenue?wall=30", WallScreen.Next("http://h/dashboards/dwell?wall=30", As(Role.Admin)));
    }

    [Fact]
    public void Finance_SeesOnlyRevenue_SoNothingRotates() => Assert.Null(WallScreen.Next("http://h/dashboards/revenue?wall=30", As(Role.Finance)));
}
