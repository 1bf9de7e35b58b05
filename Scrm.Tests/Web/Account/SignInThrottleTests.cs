using Microsoft.Extensions.Time.Testing;
using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Account;

public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_time);

    [Fact]
    public void AnAddress_IsRefusedAfterTenFailures_ForAnyName_UntilFifteenMinutesHavePassed()
    {
        Fail("10.0.0.1", "admin", times: 9);
        Assert.True(_throttle.IsAllowed("10.0.0.1", "agent"));

        Fail("10.0.0.1", "admin", times: 1);
        Assert.False(_throttle.IsAllowed("10.0.0.1", "agent"));

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(_throttle.IsAllowed("10.0.0.1", "agent"));
    }

    [Fact]
    public void OneAddress_IsRefusedAfterFiveFailuresForOneName_ButTheAccountStaysOpenToOthers()
    {
        Fail("10.0.0.1", "admin", times: 4);
        Assert.True(_throttle.IsAllowed("10.0.0.1", "admin"));

        Fail("10.0.0.1", "ADMIN", times: 1);

        Assert.False(_throttle.IsAllowed("10.0.0.1", "Admin"));
        Assert.True(_throttle.IsAllowed("10.0.0.1", "agent"));
        Assert.True(_throttle.IsAllowed("10.0.0.2", "admin"));
    }

    [Fact]
    public void ManyAddresses_SlowAnAccountDown_ButNeverLockItsOwnerOut()
    {
        foreach (var address in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3" })
        {
            Fail(address, "admin", times: 5);
        }

        Fail("10.0.0.4", "Admin", times: 4);
        Assert.Equal(TimeSpan.Zero, _throttle.DelayFor("admin"));

        Fail("10.0.0.4", "admin", times: 1);

        Assert.Equal(TimeSpan.FromSeconds(2), _throttle.DelayFor("ADMIN"));
        Assert.True(_throttle.IsAllowed("192.168.1.20", "admin"));
        Assert.Equal(TimeSpan.Zero, _throttle.DelayFor("agent"));
    }

    [Fact]
    public void ASuccess_EndsTheAccountsSlowDown_ButNotTheAddressesCount()
    {
        foreach (var address in new[] { "10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4" })
        {
            Fail(address, "admin", times: 5);
        }

        Fail("10.0.0.1", "agent", times: 5);
        _throttle.RecordSuccess("10.0.0.9", "admin");

        Assert.Equal(TimeSpan.Zero, _throttle.DelayFor("admin"));
        Assert.False(_throttle.IsAllowed("10.0.0.1", "someone"));
    }

    private void Fail(string address, string userName, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(address, userName);
        }
    }
}
