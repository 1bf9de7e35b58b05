namespace Scrm.Domain.Assignment;

/// <summary>What the planner knows of one technician when a ticket is to be assigned.</summary>
/// <param name="RegionIds">The regions they work; none means everywhere (as <c>UserProfile.WorksIn</c>).</param>
/// <param name="OpenLoad">How many open tickets they hold now.</param>
/// <param name="LastAssignedAt">When they last got a ticket (UTC); null if never.</param>
public sealed record AssignmentCandidate(string UserId, string Name, bool IsActive, IReadOnlySet<long> RegionIds, IReadOnlySet<long> SkillTagIds,
    int OpenLoad, DateTime? LastAssignedAt);

/// <summary>The ticket's facts a rule matches on: its city and that city's province (null when the ticket has no region).</summary>
public sealed record AssignmentTicket(long? RegionId, long? ProvinceId);

/// <summary>The planner's answer: the rule that found someone, and whom.</summary>
public sealed record AssignmentChoice(AssignmentRule Rule, AssignmentCandidate Person);

/// <summary>
/// Picks the technician for a ticket: the first rule (in order) with anyone eligible decides, with its strategy; null
/// when no rule finds anyone.
/// Pure: the caller gathers the facts inside the transaction that will save the choice.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentChoice? Plan(IEnumerable<AssignmentRule> rules, AssignmentTicket ticket, IReadOnlyList<AssignmentCandidate> candidates)
    {
        foreach (var rule in rules.OrderBy(r => r.SortOrder).ThenBy(r => r.Id))
        {
            var eligible = candidates.Where(c => IsEligible(rule, ticket, c)).ToList();
            if (eligible.Count > 0)
            {
                return new AssignmentChoice(rule, rule.Strategy == AssignmentStrategy.RoundRobin ? NextInTurn(rule, eligible) : LeastLoaded(eligible));
            }
        }

        return null; // nobody eligible
    }

    /// <summary>Active, working in the ticket's region (only those who work everywhere when it has none), with the skill, in the group.</summary>
    public static bool IsEligible(AssignmentRule rule, AssignmentTicket ticket, AssignmentCandidate candidate) =>
        candidate.IsActive
        && (candidate.RegionIds.Count == 0
            || (ticket.RegionId is { } city && (candidate.RegionIds.Contains(city) || (ticket.ProvinceId is { } province && candidate.RegionIds.Contains(province)))))
        && (rule.SkillTagId is not { } skill || candidate.SkillTagIds.Contains(skill))
        && (rule.Members.Count == 0 || rule.Members.Any(m => m.UserId == candidate.UserId));

    private static AssignmentCandidate LeastLoaded(List<AssignmentCandidate> eligible) =>
        eligible.OrderBy(c => c.OpenLoad)
            .ThenBy(c => c.LastAssignedAt ?? DateTime.MinValue)
            .ThenBy(c => c.UserId, StringComparer.Ordinal)
            .First();

    /// <summary>The first eligible member after the one picked last, wrapping round; from the top when there is no last (or they left the group).</summary>
    private static AssignmentCandidate NextInTurn(AssignmentRule rule, List<AssignmentCandidate> eligible)
    {
        var order = rule.GroupUserIds.ToList();
        var start = rule.LastPickedUserId is { } last ? order.IndexOf(last) + 1 : 0;
        for (var step = 0; step < order.Count; step++)
        {
            var id = order[(start + step) % order.Count];
            if (eligible.Find(c => c.UserId == id) is { } next)
            {
                return next;
            }
        }

        return eligible[0];
    }
}
