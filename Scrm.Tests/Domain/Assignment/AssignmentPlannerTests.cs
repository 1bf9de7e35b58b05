using Scrm.Domain.Assignment;
using Xunit;

namespace Scrm.Tests.Domain.Assignment;

/// <summary>The planner, table by table: region, skill, load ties, round-robin order, nobody eligible.</summary>
public sealed class AssignmentPlannerTests
{
    // 杭州 (11) and 湖州 (12) are cities of 浙江 (10); 上海 (20) is a city of its own province (2).
    private const long Zhejiang = 10, Hangzhou = 11, Huzhou = 12, Shanghai = 20;
    private const long AirCon = 1, Heater = 2;
    private static readonly DateTime Noon = new(2026, 11, 25, 4, 0, 0, DateTimeKind.Utc);
    private static readonly AssignmentTicket InHangzhou = new(Hangzhou, Zhejiang);

    public static TheoryData<string, long?, long?, string?> RegionCases => new()
    {
        // person, their one region (null: central), ticket city, expected pick
        { "city", Hangzhou, Hangzhou, "city" },
        { "province", Zhejiang, Hangzhou, "province" },
        { "elsewhere", Shanghai, Hangzhou, null },
        { "sibling-city", Huzhou, Hangzhou, null },
        { "central", null, Hangzhou, "central" },
        { "central", null, null, "central" },
        { "city", Hangzhou, null, null },
    };

    [Theory]
    [MemberData(nameof(RegionCases))]
    public void Region_DecidesWhoIsEligible(string person, long? region, long? ticketCity, string? expected)
    {
        var candidate = Person(person, regions: region is { } r ? [r] : []);
        var ticket = ticketCity is { } city ? new AssignmentTicket(city, city == Shanghai ? 2 : Zhejiang) : new AssignmentTicket(null, null);

        var choice = AssignmentPlanner.Plan([LeastLoad()], ticket, [candidate]);

        Assert.Equal(expected, choice?.Person.UserId);
    }

    [Theory]
    [InlineData(AirCon, "aircon")]
    [InlineData(Heater, "both")]
    public void Skill_LimitsTheRuleToThoseWhoHaveIt(long skill, string expected)
    {
        // aircon carries less load, so only the skill can explain picking "both" for the heater.
        var candidates = new[] { Person("aircon", skills: [AirCon], load: 0), Person("both", skills: [AirCon, Heater], load: 3), Person("none", load: 0) };

        var choice = AssignmentPlanner.Plan([LeastLoad(skill: skill)], InHangzhou, candidates);

        Assert.Equal(expected, choice!.Person.UserId);
    }

    public static TheoryData<int, int, int, string> LoadCases => new()
    {
        // loads of a, b, c (c never had a ticket, a got one an hour before b) → pick
        { 2, 1, 3, "b" },
        { 1, 1, 3, "a" },
        { 1, 1, 1, "c" },
        { 0, 2, 2, "a" },
    };

    [Theory]
    [MemberData(nameof(LoadCases))]
    public void LeastLoad_PicksFewestOpenTickets_ThenWhoseLastTicketIsOldest(int loadA, int loadB, int loadC, string expected)
    {
        var candidates = new[]
        {
            Person("b", load: loadB, lastAssigned: Noon),
            Person("a", load: loadA, lastAssigned: Noon.AddHours(-1)),
            Person("c", load: loadC, lastAssigned: null),
        };

        Assert.Equal(expected, AssignmentPlanner.Plan([LeastLoad()], InHangzhou, candidates)!.Person.UserId);
    }

    [Fact]
    public void LeastLoad_CompleteTie_GoesToTheSmallestId()
    {
        var candidates = new[] { Person("u2", lastAssigned: Noon), Person("u1", lastAssigned: Noon), Person("u3", lastAssigned: Noon) };

        Assert.Equal("u1", AssignmentPlanner.Plan([LeastLoad()], InHangzhou, candidates)!.Person.UserId);
    }

    [Theory]
    [InlineData(null, "a")]
    [InlineData("a", "b")]
    [InlineData("b", "c")]
    [InlineData("c", "a")]
    [InlineData("gone", "a")]
    public void RoundRobin_TakesTheNextMemberAfterTheLastPick(string? lastPicked, string expected)
    {
        var rule = RoundRobin(["a", "b", "c"], lastPicked);
        var candidates = new[] { Person("c", load: 0), Person("a", load: 9), Person("b", load: 5) };

        Assert.Equal(expected, AssignmentPlanner.Plan([rule], InHangzhou, candidates)!.Person.UserId);
    }

    [Fact]
    public void RoundRobin_SkipsMembersNotEligibleForThisTicket_AndPeopleOutsideTheGroup()
    {
        var rule = RoundRobin(["a", "b", "c"], "a");
        var candidates = new[] { Person("a"), Person("b", regions: [Shanghai]), Person("c"), Person("outsider") };

        Assert.Equal("c", AssignmentPlanner.Plan([rule], InHangzhou, candidates)!.Person.UserId);
    }

    [Fact]
    public void Rules_AreTriedInOrder_AndTheFirstWithSomeoneEligibleDecides()
    {
        var first = LeastLoad("heaters", skill: Heater, order: 1);
        var second = LeastLoad("anyone", order: 2);
        var candidates = new[] { Person("aircon", skills: [AirCon]) };

        var choice = AssignmentPlanner.Plan([second, first], InHangzhou, candidates);

        Assert.Equal(("anyone", "aircon"), (choice!.Rule.Name, choice.Person.UserId));
    }

    [Fact]
    public void NobodyEligible_WhenNoRuleFindsAnyone()
    {
        var candidates = new[] { Person("inactive", active: false), Person("elsewhere", regions: [Shanghai]), Person("no-skill") };

        Assert.Null(AssignmentPlanner.Plan([LeastLoad(skill: AirCon), RoundRobin(["inactive", "elsewhere"], null)], InHangzhou, candidates));
        Assert.Null(AssignmentPlanner.Plan([], InHangzhou, candidates));
    }

    internal static AssignmentReferences References(params string[] technicians) => new(
        new HashSet<long> { AirCon, Heater }, new HashSet<string> { "visit" },
        technicians.ToDictionary(t => t, t => new TechnicianState(t, !t.StartsWith("inactive", StringComparison.Ordinal))));

    private static AssignmentRule LeastLoad(string name = "least", long? skill = null, int order = 1) =>
        AssignmentRule.Create(1, new(name, null, skill, AssignmentStrategy.LeastLoad, []), References(), order);

    private static AssignmentRule RoundRobin(string[] group, string? lastPicked)
    {
        var references = References([.. group.Where(g => !g.StartsWith("inactive", StringComparison.Ordinal)), "gone"]);
        var rule = AssignmentRule.Create(1, new("turns", null, null, AssignmentStrategy.RoundRobin, [.. group.Where(references.Technicians.ContainsKey)]), references, 1);
        if (lastPicked is not null)
        {
            rule.RecordPick(lastPicked);
        }

        return rule;
    }

    private static AssignmentCandidate Person(string id, long[]? regions = null, long[]? skills = null, int load = 0, DateTime? lastAssigned = null, bool active = true) =>
        new(id, id, active, (regions ?? [Hangzhou]).ToHashSet(), (skills ?? []).ToHashSet(), load, lastAssigned);
}
