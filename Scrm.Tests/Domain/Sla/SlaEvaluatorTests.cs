using Microsoft.Extensions.Time.Testing;
using Scrm.Domain.Sla;
using Xunit;

namespace Scrm.Tests.Domain.Sla;

/// <summary>A ticket's running targets on the 2026 calendar, read as a fake clock moves on.</summary>
public sealed class SlaEvaluatorTests
{
    private static readonly TimeSpan OneHour = TimeSpan.FromHours(1);
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    // Wednesday 2026-09-30 17:00 China time: one working hour before the National Day holiday (10-01 to 10-07).
    private static readonly DateTimeOffset BeforeNationalDay = new(2026, 9, 30, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<SlaState> Read(SlaFacts facts, FakeTimeProvider time) =>
        SlaEvaluator.Running(ChinaHolidays.Calendar2026, facts, OneHour, FourHours, time.GetUtcNow().UtcDateTime);

    [Fact]
    public void AResolutionTargetCrossingMidnightAndAHoliday_FallsDueOnTheFirstDayBack()
    {
        var time = new FakeTimeProvider(BeforeNationalDay);
        var facts = new SlaFacts(BeforeNationalDay.UtcDateTime, BeforeNationalDay.UtcDateTime.AddMinutes(10), null, []);

        time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(17)); // Thursday 10-08 10:00 China time: 1 h before the holiday + 1 h after.
        var resolution = Assert.Single(Read(facts, time));

        Assert.Equal(SlaTarget.Resolution, resolution.Target);
        Assert.Equal(TimeSpan.FromHours(2), resolution.Used);
        Assert.Equal(SlaBand.AtRisk, resolution.Band);
        // 3 of the 4 hours left after 09-30: Thursday 10-08 from 09:00 to 12:00 China time.
        Assert.Equal(new DateTime(2026, 10, 8, 4, 0, 0, DateTimeKind.Utc), resolution.DueUtc);
    }

    [Fact]
    public void FirstResponse_RunsUntilTheTicketIsWorked_AndGovernsWhileItHasLessLeft()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)); // Wednesday 09:00 China time
        var created = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromMinutes(45));

        var unanswered = Read(new SlaFacts(created, null, null, []), time);
        var governing = SlaEvaluator.Governing(unanswered)!;

        Assert.Equal([SlaTarget.FirstResponse, SlaTarget.Resolution], unanswered.Select(s => s.Target));
        Assert.Equal((SlaTarget.FirstResponse, SlaBand.DueSoon, TimeSpan.FromMinutes(15)), (governing.Target, governing.Band, governing.Left));

        var answered = Read(new SlaFacts(created, created.AddMinutes(30), null, []), time);
        Assert.Equal(SlaTarget.Resolution, Assert.Single(answered).Target);
    }

    [Fact]
    public void WhilePaused_EveryTargetIsPaused_WithNoDueTime_AndResumingMovesTheDueTimeOn()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero)); // Wednesday 09:00
        var created = time.GetUtcNow().UtcDateTime;
        time.Advance(OneHour);
        var pausedAt = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromHours(2));

        var paused = Read(new SlaFacts(created, created, null, [new SlaPause(pausedAt, null)]), time);
        var resumed = Read(new SlaFacts(created, created, null, [new SlaPause(pausedAt, time.GetUtcNow().UtcDateTime)]), time);

        Assert.All(paused, s => Assert.Equal((SlaBand.Paused, (DateTime?)null), (s.Band, s.DueUtc)));
        var resolution = Assert.Single(resumed);
        Assert.Equal((OneHour, SlaBand.OnTrack), (resolution.Used, resolution.Band));
        // 4 h from 09:00 plus the 2 h paused: 15:00 China time.
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc), resolution.DueUtc);
    }

    [Fact]
    public void TheNodesOwnTarget_RunsFromWhenTheTicketEnteredIt_AndAFinishedTicketRunsNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero));
        var created = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromHours(3));
        var entered = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromMinutes(31));

        var running = SlaEvaluator.Running(ChinaHolidays.Calendar2026, new SlaFacts(created, created, null, [], entered, OneHour), null, null, time.GetUtcNow().UtcDateTime);
        var stopped = Read(new SlaFacts(created, created, time.GetUtcNow().UtcDateTime, [], entered, OneHour), time);

        var node = Assert.Single(running);
        Assert.Equal((SlaTarget.Node, TimeSpan.FromMinutes(31), SlaBand.AtRisk), (node.Target, node.Used, node.Band));
        Assert.Empty(stopped);
    }
}
