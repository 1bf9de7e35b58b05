using Scrm.Domain.Sla;
using Scrm.Domain.Tickets;
using Scrm.Tests.Builders;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

/// <summary>The ticket's SLA bookkeeping: first response, pauses with the working time they add, stop, reopen, breach.</summary>
public sealed class TicketSlaTests
{
    private static readonly BusinessCalendar Weekdays = BusinessCalendar.Weekdays();

    // Friday 2026-03-06 17:00 and Monday 2026-03-09 10:00, China time.
    private static readonly DateTime FridayAtFive = new(2026, 3, 6, 9, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime MondayAtTen = new(2026, 3, 9, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void CreatedWithAnAssignee_HasRespondedAtOnce()
    {
        var ticket = new TicketBuilder().AssignedTo("tech-1").Build();

        Assert.Equal(new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc), ticket.FirstRespondedAt);
    }

    [Fact]
    public void TheFirstAssignment_IsTheResponse_AndLaterWorkDoesNotMoveIt()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Build();
        Assert.Null(ticket.FirstRespondedAt);

        builder.Time.Advance(TimeSpan.FromMinutes(42));
        ticket.Edit(builder.Template, builder.Details with { AssigneeId = "tech-1" }, new Dictionary<string, string?>(), builder.Time);
        builder.Time.Advance(TimeSpan.FromHours(1));
        ticket.ChangeStatus(TicketStatus.InProgress, builder.Time);

        Assert.Equal(new DateTime(2026, 11, 25, 2, 42, 0, DateTimeKind.Utc), ticket.FirstRespondedAt);
        Assert.Single(ticket.DomainEvents.OfType<TicketResponded>());
    }

    [Fact]
    public void APauseOverAWeekend_AddsOnlyItsWorkingTime()
    {
        var ticket = new TicketBuilder().Build();

        ticket.SyncSlaClock("OnHold", Weekdays, FridayAtFive);
        ticket.SyncSlaClock("OnHold", Weekdays, FridayAtFive.AddHours(1));
        Assert.True(ticket.IsSlaPaused);
        ticket.SyncSlaClock(null, Weekdays, MondayAtTen);

        var pause = Assert.Single(ticket.SlaPauses);
        Assert.Equal(("OnHold", FridayAtFive, MondayAtTen), (pause.Reason, pause.StartedAt, pause.EndedAt!.Value));
        // Friday 17:00–18:00 and Monday 09:00–10:00.
        Assert.Equal(120, pause.PausedMinutes);
        Assert.Equal(120, Assert.Single(ticket.DomainEvents.OfType<TicketSlaResumed>()).PausedMinutes);
        Assert.False(ticket.IsSlaPaused);
    }

    [Fact]
    public void Finishing_StopsTheClock_AndEndsAPause_ReopeningStoresTheGapAsAPause()
    {
        var builder = new TicketBuilder();
        var ticket = builder.Build();
        ticket.SyncSlaClock("OnHold", Weekdays, FridayAtFive);
        ticket.ChangeStatus(TicketStatus.InProgress, builder.Time);
        ticket.ChangeStatus(TicketStatus.Resolved, builder.Time);

        ticket.SyncSlaClock(null, Weekdays, MondayAtTen);
        Assert.Equal(MondayAtTen, ticket.SlaStoppedAt);
        Assert.Equal(120, ticket.SlaPauses.Single().PausedMinutes);

        ticket.ChangeStatus(TicketStatus.InProgress, builder.Time);
        ticket.SyncSlaClock(null, Weekdays, MondayAtTen.AddHours(3));

        Assert.Null(ticket.SlaStoppedAt);
        var reopened = ticket.SlaPauses.Single(p => p.Reason == TicketSlaPause.ReopenedReason);
        Assert.Equal((MondayAtTen, MondayAtTen.AddHours(3), 180), (reopened.StartedAt, reopened.EndedAt!.Value, reopened.PausedMinutes!.Value));
    }

    [Fact]
    public void ABreach_IsFlaggedOnce()
    {
        var ticket = new TicketBuilder().Build();

        ticket.MarkSlaBreached(SlaTarget.FirstResponse, FridayAtFive);
        ticket.MarkSlaBreached(SlaTarget.Resolution, MondayAtTen);

        Assert.Equal(FridayAtFive, ticket.SlaBreachedAt);
        Assert.Equal(SlaTarget.FirstResponse, Assert.Single(ticket.DomainEvents.OfType<TicketSlaBreached>()).Target);
    }
}
