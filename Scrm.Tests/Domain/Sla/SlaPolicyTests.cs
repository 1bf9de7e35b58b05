using Scrm.Domain.Common;
using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

public sealed class SlaPolicyTests
{
    private static readonly Func<string, bool> OnlyDirectorActive = id => id == "director";

    private static SlaPolicy Policy(params EscalationLevelInput[] levels) =>
        SlaPolicy.Create(7, Urgency.High, 60, 480, levels, OnlyDirectorActive);

    [Theory]
    [InlineData(0, 480, "FirstResponseMinutes")]
    [InlineData(-5, 480, "FirstResponseMinutes")]
    [InlineData(60, 0, "ResolutionMinutes")]
    [InlineData(60, -1, "ResolutionMinutes")]
    public void ATargetOfZeroOrLess_IsRefused_BesideItsField(int firstResponse, int resolution, string field)
    {
        var refused = Assert.Throws<DomainException>(() => SlaPolicy.Create(7, Urgency.High, firstResponse, resolution, [], OnlyDirectorActive));

        Assert.Equal("SlaTargetNotPositive", refused.Code);
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void AFirstResponseLongerThanTheResolution_IsRefused()
    {
        var refused = Assert.Throws<DomainException>(() => SlaPolicy.Create(7, Urgency.High, 600, 480, [], OnlyDirectorActive));

        Assert.Equal("FirstResponseAfterResolution", refused.Code);
    }

    [Fact]
    public void EscalatingToADeactivatedPerson_IsRefused_AndTheOldChainStays()
    {
        var policy = Policy(new EscalationLevelInput(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null));

        var refused = Assert.Throws<DomainException>(() => policy.Change(60, 480,
            [new(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null), new(SlaTarget.Resolution, 180, EscalationRecipient.User, "gone")],
            OnlyDirectorActive));

        Assert.Equal("EscalationUserInactive", refused.Code);
        Assert.Equal("Levels[1]", refused.Field);
        Assert.Equal(EscalationRecipient.RegionSupervisors, Assert.Single(policy.Levels).Recipient);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void ALevelThatWaitsZeroOrLess_IsRefused(int after)
    {
        var refused = Assert.Throws<DomainException>(() => Policy(new EscalationLevelInput(SlaTarget.FirstResponse, after, EscalationRecipient.RegionSupervisors, null)));

        Assert.Equal("EscalationAfterNotPositive", refused.Code);
        Assert.Equal("Levels[0]", refused.Field);
    }

    [Fact]
    public void Levels_AreNumberedInOrder_AndAnUnchangedLevelKeepsItsRow()
    {
        var policy = Policy(
            new EscalationLevelInput(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null),
            new EscalationLevelInput(SlaTarget.FirstResponse, 180, EscalationRecipient.RegionDirector, null));
        var first = policy.Levels.Single(l => l.Level == 1);

        policy.Change(60, 480,
        [
            new(SlaTarget.FirstResponse, 60, EscalationRecipient.RegionSupervisors, null),
            new(SlaTarget.FirstResponse, 180, EscalationRecipient.User, "director"),
            new(SlaTarget.Resolution, 480, EscalationRecipient.RegionDirector, "ignored for a director"),
        ], OnlyDirectorActive);

        Assert.Same(first, policy.Levels.Single(l => l.Level == 1));
        Assert.Equal([1, 2, 3], policy.Levels.Select(l => l.Level).Order());
        Assert.Equal("director", policy.Levels.Single(l => l.Level == 2).UserId);
        Assert.Null(policy.Levels.Single(l => l.Level == 3).UserId);
    }
}
