using Microsoft.Extensions.Time.Testing;
using Scrm.Web.Features.Account;
using Xunit;

namespace Scrm.Tests.Web.Account;

/// <summary>The per-address limit; accounts lock in the database (SignInLockoutTests).</summary>
public sealed class SignInThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 6, 0, 0, TimeSpan.Zero));
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(_time);

    [Fact]
    public void AnAddress_IsRefusedAfterTenFailures_UntilFifteenMinutesHavePassed()
    {
        Fail("10.0.0.1", times: 9);
        Assert.True(_throttle.IsAllowed("10.0.0.1"));

        Fail("10.0.0.1", times: 1);
        Assert.False(_throttle.IsAllowed("10.0.0.1"));

        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.True(_throttle.IsAllowed("10.0.0.1"));
    }

    [Fact]
    public void OneAddressFailing_LeavesOtherAddressesAlone()
    {
        Fail("10.0.0.1", times: 10);

        Assert.False(_throttle.IsAllowed("10.0.0.1"));
        Assert.True(_throttle.IsAllowed("10.0.0.2"));
    }

    [Fact]
    public void OldFailures_LeaveTheWindow_OneByOne()
    {
        Fail("10.0.0.1", times: 5);
        _time.Advance(TimeSpan.FromMinutes(10));
        Fail("10.0.0.1", times: 5);
        Assert.False(_throttle.IsAllowed("10.0.0.1"));

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(_throttle.IsAllowed("10.0.0.1"));
    }

    [Fact]
    public void AnUnknownAddress_IsCountedToo()
    {
        Fail(null, times: 10);

        Assert.False(_throttle.IsAllowed(null));
    }

    private void Fail(string? address, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _throttle.RecordFailure(address);
        }
    }
}
