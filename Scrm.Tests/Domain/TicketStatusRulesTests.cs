using Scrm.Domain.Tickets;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class TicketStatusRulesTests
{
    [Fact]
    public void Path_FromNewToClosed_GoesThroughWorkAndResolution()
    {
        Assert.Equal([TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Closed], TicketStatusRules.Path(TicketStatus.New, TicketStatus.Closed));
    }

    [Fact]
    public void Path_ToTheSameStatus_IsEmpty()
    {
        Assert.Empty(TicketStatusRules.Path(TicketStatus.OnHold, TicketStatus.OnHold));
    }

    [Fact]
    public void Path_OutOfAFinalStatus_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => TicketStatusRules.Path(TicketStatus.Cancelled, TicketStatus.New));
    }

    [Fact]
    public void EveryStepOfEveryPathFromAFreshTicket_IsAnAllowedMove()
    {
        foreach (var from in new[] { TicketStatus.New, TicketStatus.Assigned })
        {
            foreach (var to in Enum.GetValues<TicketStatus>())
            {
                var current = from;
                foreach (var step in TicketStatusRules.Path(from, to))
                {
                    Assert.Contains(step, TicketStatusRules.NextFrom(current));
                    current = step;
                }

                Assert.Equal(to, current);
            }
        }
    }
}
