using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Common;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain;

public sealed class TicketRatingTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    private static Ticket Resolved()
    {
        var ticket = new TicketBuilder().Build();
        foreach (var next in TicketStatusRules.Path(ticket.Status, TicketStatus.Resolved))
        {
            ticket.ChangeStatus(next, Clock);
        }

        ticket.TakeDomainEvents();
        return ticket;
    }

    [Fact]
    public void Rate_RecordsTheScore_AndRaisesTicketRated()
    {
        var ticket = Resolved();

        ticket.Rate(4, "  师傅很准时  ", new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc));

        Assert.Equal(4, ticket.Rating);
        Assert.Equal("师傅很准时", ticket.RatingComment);
        Assert.Equal(new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc), ticket.RatedAt);
        Assert.Equal(new TicketRated(ticket, 4), Assert.Single(ticket.DomainEvents));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void Rate_RefusesAScoreOutsideOneToFive(int score)
    {
        var ticket = Resolved();

        var ex = Assert.Throws<DomainException>(() => ticket.Rate(score, null, DateTime.UtcNow));

        Assert.Equal("RatingOutOfRange", ex.Code);
        Assert.Null(ticket.Rating);
    }

    [Fact]
    public void Rate_RefusesATicketNotYetResolved()
    {
        var ticket = new TicketBuilder().Build();

        Assert.Equal("RatingNeedsFinishedTicket", Assert.Throws<DomainException>(() => ticket.Rate(5, null, DateTime.UtcNow)).Code);
    }

    [Fact]
    public void EveryReturnFromResolvedToWork_CountsAReopening_AndNothingElseDoes()
    {
        var ticket = Resolved();

        ticket.ChangeStatus(TicketStatus.InProgress, Clock);
        ticket.ChangeStatus(TicketStatus.OnHold, Clock);
        ticket.ChangeStatus(TicketStatus.InProgress, Clock);
        ticket.ChangeStatus(TicketStatus.Resolved, Clock);
        ticket.ChangeStatus(TicketStatus.InProgress, Clock);

        Assert.Equal(2, ticket.ReopenCount);
    }
}
