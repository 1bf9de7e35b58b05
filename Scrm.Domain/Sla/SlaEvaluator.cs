namespace Scrm.Domain.Sla;

/// <summary>What the SLA clocks of one ticket read: when it opened, was first worked, finished, and stood still.</summary>
/// <param name="NodeEnteredAt">When the ticket entered the node it waits at; with <paramref name="NodeAllowed"/>, the node's own clock.</param>
public sealed record SlaFacts(
    DateTime CreatedAt,
    DateTime? FirstRespondedAt,
    DateTime? StoppedAt,
    IReadOnlyList<SlaPause> Pauses,
    DateTime? NodeEnteredAt = null,
    TimeSpan? NodeAllowed = null);

/// <summary>
/// Reads a ticket's running SLA targets: first response until it is worked, resolution until it is finished, and the
/// current node's own time. A finished ticket has none running. Pure, so the board can read a thousand at once.
/// </summary>
public static class SlaEvaluator
{
    /// <param name="firstResponse">The policy's first-response target, or null without a policy (then only the node's clock runs).</param>
    public static IReadOnlyList<SlaState> Running(BusinessCalendar calendar, SlaFacts facts, TimeSpan? firstResponse, TimeSpan? resolution, DateTime nowUtc)
    {
        if (facts.StoppedAt is not null)
        {
            return [];
        }

        var states = new List<SlaState>(3);
        if (firstResponse is { } response && facts.FirstRespondedAt is null)
        {
            states.Add(Read(calendar, SlaTarget.FirstResponse, facts.CreatedAt, response, facts.Pauses, nowUtc));
        }

        if (resolution is { } resolve)
        {
            states.Add(Read(calendar, SlaTarget.Resolution, facts.CreatedAt, resolve, facts.Pauses, nowUtc));
        }

        if (facts is { NodeEnteredAt: { } entered, NodeAllowed: { } allowed } && allowed > TimeSpan.Zero)
        {
            states.Add(Read(calendar, SlaTarget.Node, entered, allowed, facts.Pauses, nowUtc));
        }

        return states;
    }

    /// <summary>The running target with the least time left, the one a card shows; null when none runs.</summary>
    public static SlaState? Governing(IReadOnlyList<SlaState> running)
    {
        SlaState? least = null;
        foreach (var state in running)
        {
            if (least is null || state.Left < least.Left)
            {
                least = state;
            }
        }

        return least;
    }

    private static SlaState Read(BusinessCalendar calendar, SlaTarget target, DateTime startedUtc, TimeSpan allowed, IReadOnlyList<SlaPause> pauses, DateTime nowUtc)
    {
        var clock = new SlaClock(calendar, startedUtc, allowed, pauses);
        return new SlaState(target, clock.Band(nowUtc), clock.DueUtc(nowUtc), allowed, clock.Used(nowUtc));
    }
}
