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
    public void OneAddress_CannotLockAnAccountOut_ForOthers()
    {
        Fail("10.0.0.1", "admin", times: 10);

        Assert.False(_throttle.IsAllowed("10.0.0.1", "admin"));
        Assert.True(_throttle.IsAllowed("10.0.0.2", "admin"));
    }

    [Fact]
    public void AnAccount_IsRefusedAfterTwentyFailures_FromSeveralAddresses_WhateverTheCaseOfTheName()
    {
        Fail("10.0.0.1", "admin", times: 10);
        Fail("10.0.0.2", "ADMIN", times: 9);
        Assert.True(_throttle.IsAllowed("10.0.0.3", "Admin"));

        Fail("10.0.0.3", "admin", times: 1);
        Assert.False(_throttle.IsAllowed("10.0.0.4", "Admin"));
    }

    [Fact]
    public void ASuccess_EndsTheAccountsRun_ButNotTheAddresses()
    {
        Fail("10.0.0.1", "admin", times: 10);
        Fail("10.0.0.2", "admin", times: 9);

        _throttle.RecordSuccess("admin");
        Fail("10.0.0.3", "admin", times: 1);

        Assert.True(_throttle.IsAllowed("10.0.0.4", "admin"));
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
