using Microsoft.Extensions.Time.Testing;
using Scrm.Data.Seed;
using Scrm.Domain.Boards;
using Scrm.Domain.Common;
using Xunit;

namespace Scrm.Tests.Domain.Boards;

public sealed class BoardLayoutTests
{
    [Fact]
    public void Columns_AreTheHumanNodesInGraphOrder_ThenWaitingOtherClosed()
    {
        var keys = BoardLayout.ForWorkflow(DemoWorkflows.Installation()).Select(c => c.Key);

        Assert.Equal(["accept", "dispatch", "visit", "confirm", "followup", "~waiting", "~other", "~closed"], keys);
    }

    [Fact]
    public void Complaint_ColumnsFollowBranchesBreadthFirst()
    {
        var keys = BoardLayout.ForWorkflow(DemoWorkflows.Complaint()).Where(c => c.Kind == BoardColumnKind.Node).Select(c => c.Key);

        Assert.Equal(["triage", "handle", "followup", "approve"], keys);
    }

    [Fact]
    public void RoutesTo_FollowsAutomaticActions_ButNotBackwardsOrThroughBranches()
    {
        var install = DemoWorkflows.Installation();
        var complaint = DemoWorkflows.Complaint();

        Assert.Equal(["确认完工"], BoardLayout.RoutesTo(install, "confirm", "followup").Select(t => t.Label));
        Assert.Equal(["返工"], BoardLayout.RoutesTo(install, "confirm", "visit").Select(t => t.Label));
        Assert.Empty(BoardLayout.RoutesTo(install, "accept", "visit"));
        Assert.Empty(BoardLayout.RoutesTo(complaint, "handle", "followup"));
        Assert.Equal(["批准", "驳回"], BoardLayout.RoutesTo(complaint, "approve", "followup").Select(t => t.Label));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1000)]
    public void WipLimit_OutsideOneTo999_IsRefused(int limit)
    {
        var error = Assert.Throws<DomainException>(() => BoardColumnLimit.Create(1, "accept", limit, new FakeTimeProvider()));

        Assert.Equal("WipLimitInvalid", error.Code);
    }

    [Fact]
    public void WipLimit_SetAndCleared_RaisesItsEvent()
    {
        var limit = BoardColumnLimit.Create(1, "accept", 5, new FakeTimeProvider());
        limit.Set(null, new FakeTimeProvider());

        Assert.Null(limit.Limit);
        Assert.Equal(2, limit.DomainEvents.OfType<BoardColumnLimitChanged>().Count());
    }
}
