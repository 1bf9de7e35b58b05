using Scrm.Domain.Common;

namespace Scrm.Domain.Assignment;

/// <summary>How a rule picks one of the technicians it finds eligible.</summary>
public enum AssignmentStrategy
{
    /// <summary>Whoever holds the fewest open tickets; ties go to who got a ticket longest ago, then by id.</summary>
    LeastLoad,

    /// <summary>The group's members in turn, after whoever the rule picked last.</summary>
    RoundRobin,
}

/// <summary>
/// 派单规则: for tickets of one template, at creation (<see cref="NodeId"/> null) or on entering one workflow node, which
/// technicians are eligible (they work in the ticket's region, have <see cref="SkillTagId"/> when set, and are in the
/// group when one is named) and how one of them is picked. Rules of one template and node are tried in <see cref="SortOrder"/>.
/// </summary>
public sealed class AssignmentRule : AggregateRoot
{
    public const int NameMaxLength = 50;
    public const int GroupMaxSize = 50;

    private readonly List<AssignmentRuleMember> _members = [];

    private AssignmentRule() { }

    public long Id { get; private set; }
    public long TemplateId { get; private set; }

    /// <summary>The workflow node whose entry the rule serves; null for "on creation" (新建时).</summary>
    public string? NodeId { get; private set; }

    public string Name { get; private set; } = "";
    public int SortOrder { get; private set; }
    public long? SkillTagId { get; private set; }
    public AssignmentStrategy Strategy { get; private set; }

    /// <summary>The named users the rule is limited to, in turn order; empty means every technician who qualifies.</summary>
    public IReadOnlyCollection<AssignmentRuleMember> Members => _members;

    /// <summary>Round-robin state: whom the rule picked last, so the turn survives restarts and is shared by every instance.</summary>
    public string? LastPickedUserId { get; private set; }

    /// <summary>The group's user ids in turn order.</summary>
    public IReadOnlyList<string> GroupUserIds => _members.OrderBy(m => m.Position).Select(m => m.UserId).ToList();

    /// <summary>A new rule at the end of its template's list (<paramref name="sortOrder"/> is one past the last).</summary>
    public static AssignmentRule Create(long templateId, AssignmentRuleSpec spec, AssignmentReferences references, int sortOrder)
    {
        var rule = new AssignmentRule { TemplateId = templateId, SortOrder = sortOrder };
        rule.Apply(spec, references);
        rule.Raise(new AssignmentRuleChanged(rule));
        return rule;
    }

    /// <summary>Changes what the rule matches and how it picks; a changed group starts its turns afresh.</summary>
    public void Update(AssignmentRuleSpec spec, AssignmentReferences references)
    {
        var group = GroupUserIds;
        Apply(spec, references);
        if (!group.SequenceEqual(GroupUserIds))
        {
            LastPickedUserId = null;
        }

        Raise(new AssignmentRuleChanged(this));
    }

    /// <summary>Puts the rule at <paramref name="sortOrder"/> in its template's list.</summary>
    public void MoveTo(int sortOrder)
    {
        if (SortOrder != sortOrder)
        {
            SortOrder = sortOrder;
            Raise(new AssignmentRuleChanged(this));
        }
    }

    /// <summary>Records that the rule gave a ticket to <paramref name="userId"/>: the next round-robin turn starts after them.</summary>
    public void RecordPick(string userId)
    {
        if (Strategy == AssignmentStrategy.RoundRobin && LastPickedUserId != userId)
        {
            LastPickedUserId = userId;
            Raise(new AssignmentRuleChanged(this));
        }
    }

    /// <summary>Marks the rule for removal; the caller removes it from the store in the same save.</summary>
    public void Delete() => Raise(new AssignmentRuleDeleted(this));

    private void Apply(AssignmentRuleSpec spec, AssignmentReferences references)
    {
        var name = Guard.RequiredText(spec.Name, "Name", NameMaxLength);
        if (!Enum.IsDefined(spec.Strategy))
        {
            throw new DomainException("AssignmentStrategyInvalid", "Choose how the rule picks a technician.") { Field = "Strategy" };
        }

        if (spec.SkillTagId is { } skill && !references.SkillTagIds.Contains(skill))
        {
            throw new DomainException("AssignmentSkillUnknown", "The chosen skill tag no longer exists.") { Field = "SkillTagId" };
        }

        if (spec.NodeId is { } node && !references.NodeIds.Contains(node))
        {
            throw new DomainException("AssignmentNodeUnknown", "The chosen step is not a step or approval of the template's published workflow.") { Field = "NodeId" };
        }

        var group = spec.GroupUserIds.Distinct(StringComparer.Ordinal).ToList();
        CheckGroup(group, spec.Strategy, references);
        Name = name;
        NodeId = spec.NodeId;
        SkillTagId = spec.SkillTagId;
        Strategy = spec.Strategy;
        _members.Clear();
        _members.AddRange(group.Select((id, i) => new AssignmentRuleMember(id, i)));
    }

    private static void CheckGroup(List<string> group, AssignmentStrategy strategy, AssignmentReferences references)
    {
        if (strategy == AssignmentStrategy.RoundRobin && group.Count == 0)
        {
            throw new DomainException("AssignmentGroupEmpty", "Round-robin takes turns within a group: name at least one technician.") { Field = "GroupUserIds" };
        }

        if (group.Count > GroupMaxSize)
        {
            throw new DomainException("AssignmentGroupTooLarge", $"A group holds at most {GroupMaxSize} people.", GroupMaxSize) { Field = "GroupUserIds" };
        }

        foreach (var id in group)
        {
            if (!references.Technicians.TryGetValue(id, out var person))
            {
                throw new DomainException("AssignmentMemberNotTechnician", "Only technicians can be in a rule's group.") { Field = "GroupUserIds" };
            }

            if (!person.IsActive)
            {
                throw new DomainException("AssignmentMemberInactive", $"{person.Name} is deactivated and cannot be in the group.", person.Name) { Field = "GroupUserIds" };
            }
        }
    }
}

/// <summary>One named user of a rule's group, at <see cref="Position"/> in the turn order.</summary>
public sealed class AssignmentRuleMember
{
    private AssignmentRuleMember() { }

    internal AssignmentRuleMember(string userId, int position)
    {
        UserId = userId;
        Position = position;
    }

    public long RuleId { get; private set; }
    public string UserId { get; private set; } = "";
    public int Position { get; private set; }
}

/// <summary>What an admin sets on a rule.</summary>
public sealed record AssignmentRuleSpec(string? Name, string? NodeId, long? SkillTagId, AssignmentStrategy Strategy, IReadOnlyList<string> GroupUserIds);

/// <summary>What a rule may refer to: existing skill tags, the human nodes of the template's workflow, technicians by id.</summary>
public sealed record AssignmentReferences(IReadOnlySet<long> SkillTagIds, IReadOnlySet<string> NodeIds, IReadOnlyDictionary<string, TechnicianState> Technicians);

public sealed record TechnicianState(string Name, bool IsActive);

/// <summary>An admin created or changed a rule (its settings, place in the list, or round-robin turn).</summary>
public sealed record AssignmentRuleChanged(AssignmentRule Rule) : IDomainEvent;

public sealed record AssignmentRuleDeleted(AssignmentRule Rule) : IDomainEvent;
