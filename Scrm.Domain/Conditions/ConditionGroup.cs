using System.Collections.ObjectModel;
using Scrm.Domain.Templates;

namespace Scrm.Domain.Conditions;

/// <summary>How a group combines its members.</summary>
public enum GroupMode
{
    /// <summary>Every condition and nested group holds (an empty group holds).</summary>
    All,

    /// <summary>At least one condition or nested group holds (an empty group does not).</summary>
    Any,
}

/// <summary>
/// Conditions combined with all/any, with nested groups for mixes such as "amount &gt; 1000 and (urgent or VIP)".
/// Equal groups are equal by value, all the way down.
/// </summary>
public sealed record ConditionGroup
{
    /// <summary>How deep groups may nest (the top group is level 1); deeper graphs are refused by <see cref="Validate"/>.</summary>
    public const int MaxDepth = 5;

    private readonly Condition[] _conditions = [];
    private readonly ConditionGroup[] _groups = [];
    private readonly ReadOnlyCollection<Condition> _conditionList = ReadOnlyCollection<Condition>.Empty;
    private readonly ReadOnlyCollection<ConditionGroup> _groupList = ReadOnlyCollection<ConditionGroup>.Empty;

    public ConditionGroup(GroupMode mode, IReadOnlyList<Condition> conditions, IReadOnlyList<ConditionGroup> groups)
    {
        Mode = mode;
        Conditions = conditions;
        Groups = groups;
    }

    public GroupMode Mode { get; init; }

    /// <summary>The group's own conditions (a copy of what was given; nulls dropped).</summary>
    public IReadOnlyList<Condition> Conditions
    {
        get => _conditionList;
        init
        {
            _conditions = value is null ? [] : value.Where(c => c is not null).ToArray();
            _conditionList = Array.AsReadOnly(_conditions);
        }
    }

    /// <summary>Nested groups, evaluated after the conditions (a copy of what was given; nulls dropped).</summary>
    public IReadOnlyList<ConditionGroup> Groups
    {
        get => _groupList;
        init
        {
            _groups = value is null ? [] : value.Where(g => g is not null).ToArray();
            _groupList = Array.AsReadOnly(_groups);
        }
    }

    /// <summary>Holds when every condition holds; with none, always.</summary>
    public static ConditionGroup All(params Condition[] conditions) => new(GroupMode.All, conditions, []);

    /// <summary>Holds when at least one condition holds; with none, never.</summary>
    public static ConditionGroup Any(params Condition[] conditions) => new(GroupMode.Any, conditions, []);

    /// <summary>This group with <paramref name="groups"/> nested after its current ones.</summary>
    public ConditionGroup With(params ConditionGroup[] groups) => this with { Groups = [.. _groups, .. groups] };

    /// <summary>
    /// True when the group holds; stops at the first member that decides it. See <see cref="Condition.Evaluate"/> for how each
    /// condition reads its subject.
    /// </summary>
    public bool Evaluate(ConditionContext context, IReadOnlyDictionary<string, FieldType> fieldTypes)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fieldTypes);
        var all = Mode != GroupMode.Any;
        foreach (var condition in _conditions)
        {
            if (condition.Evaluate(context, fieldTypes) != all)
            {
                return !all;
            }
        }

        foreach (var group in _groups)
        {
            if (group.Evaluate(context, fieldTypes) != all)
            {
                return !all;
            }
        }

        return all;
    }

    /// <summary>Every problem of every condition in the group and its nested groups, in order (see <see cref="Condition.Validate"/>).</summary>
    public IReadOnlyList<ConditionProblem> Validate(TicketTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var problems = new List<ConditionProblem>();
        Validate(template, 1, problems);
        return problems;
    }

    public bool Equals(ConditionGroup? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Mode == other.Mode && _conditions.AsSpan().SequenceEqual(other._conditions) && _groups.AsSpan().SequenceEqual(other._groups)));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Mode);
        foreach (var condition in _conditions)
        {
            hash.Add(condition);
        }

        foreach (var group in _groups)
        {
            hash.Add(group);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        var members = _conditions.Select(c => c.ToString()).Concat(_groups.Select(g => $"({g})"));
        return $"{Mode}: {string.Join("; ", members)}";
    }

    private void Validate(TicketTemplate template, int depth, List<ConditionProblem> problems)
    {
        if (depth > MaxDepth)
        {
            problems.Add(new ConditionProblem("GuardTooDeep", [MaxDepth]));
            return;
        }

        foreach (var condition in _conditions)
        {
            problems.AddRange(condition.Validate(template));
        }

        foreach (var group in _groups)
        {
            group.Validate(template, depth + 1, problems);
        }
    }
}
