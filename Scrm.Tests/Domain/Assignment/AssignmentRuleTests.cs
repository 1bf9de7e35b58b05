using Scrm.Domain.Assignment;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain.Assignment;

/// <summary>What an admin may not save as a rule, each refusal naming its field; and the events of a rule's changes.</summary>
public sealed class AssignmentRuleTests
{
    private static readonly AssignmentReferences References = AssignmentPlannerTests.References("tech1", "tech2", "inactive-tech");

    public static TheoryData<AssignmentRuleSpec, string, string> Refusals => new()
    {
        { new("", null, null, AssignmentStrategy.LeastLoad, []), "Required", "Name" },
        { new(new string('规', 51), null, null, AssignmentStrategy.LeastLoad, []), "TooLong", "Name" },
        { new("r", null, 99, AssignmentStrategy.LeastLoad, []), "AssignmentSkillUnknown", "SkillTagId" },
        { new("r", "nowhere", null, AssignmentStrategy.LeastLoad, []), "AssignmentNodeUnknown", "NodeId" },
        { new("r", null, null, AssignmentStrategy.RoundRobin, []), "AssignmentGroupEmpty", "GroupUserIds" },
        { new("r", null, null, AssignmentStrategy.LeastLoad, ["tech1", "inactive-tech"]), "AssignmentMemberInactive", "GroupUserIds" },
        { new("r", null, null, AssignmentStrategy.LeastLoad, ["agent"]), "AssignmentMemberNotTechnician", "GroupUserIds" },
        { new("r", null, null, (AssignmentStrategy)7, []), "AssignmentStrategyInvalid", "Strategy" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Create_RefusesBadSettings_NamingTheField(AssignmentRuleSpec spec, string code, string field)
    {
        var error = Assert.Throws<DomainException>(() => AssignmentRule.Create(1, spec, References, 1));

        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void Update_RefusedLeavesTheRuleAsItWas()
    {
        var rule = AssignmentRule.Create(1, new("空调", "visit", 1, AssignmentStrategy.RoundRobin, ["tech1", "tech2"]), References, 1);

        Assert.Throws<DomainException>(() => rule.Update(new("空调", null, null, AssignmentStrategy.RoundRobin, []), References));

        Assert.Equal(("visit", (long?)1), (rule.NodeId, rule.SkillTagId));
        Assert.Equal(["tech1", "tech2"], rule.GroupUserIds);
    }

    [Fact]
    public void Update_ThatChangesTheGroup_StartsTheTurnsAfresh()
    {
        var rule = AssignmentRule.Create(1, new("轮流", null, null, AssignmentStrategy.RoundRobin, ["tech1", "tech2"]), References, 1);
        rule.RecordPick("tech1");

        rule.Update(new("轮流", null, null, AssignmentStrategy.RoundRobin, ["tech2", "tech1"]), References);

        Assert.Null(rule.LastPickedUserId);
    }

    [Fact]
    public void Changes_RaiseEvents_AndAPickOnlyMattersForRoundRobin()
    {
        var rule = AssignmentRule.Create(1, new("最少", null, null, AssignmentStrategy.LeastLoad, []), References, 1);
        Assert.IsType<AssignmentRuleChanged>(Assert.Single(rule.TakeDomainEvents()));

        rule.RecordPick("tech1");
        Assert.Empty(rule.TakeDomainEvents());
        Assert.Null(rule.LastPickedUserId);

        rule.MoveTo(3);
        rule.Delete();
        Assert.Equal([typeof(AssignmentRuleChanged), typeof(AssignmentRuleDeleted)], rule.TakeDomainEvents().Select(e => e.GetType()));
        Assert.Equal(3, rule.SortOrder);
    }
}
