using Scrm.Domain.Assignment;

namespace Scrm.Web.Features.Assignment;

/// <summary>A template an admin can set rules for.</summary>
public sealed record AssignmentTemplateRow(long Id, string Name);

/// <summary>One rule in its template's list; <see cref="NodeName"/> is null for "on creation".</summary>
public sealed record AssignmentRuleRow(long Id, long Version, string Name, string? NodeId, string? NodeName, long? SkillTagId, string? SkillName,
    AssignmentStrategy Strategy, IReadOnlyList<string> GroupUserIds, IReadOnlyList<string> GroupNames);

/// <summary>A choice in the rule dialog's pickers.</summary>
public sealed record AssignmentOption<T>(T Value, string Name);

/// <summary>A template's rules in order, and what the dialog offers: the published workflow's human nodes, skill tags, active technicians.</summary>
public sealed record AssignmentRulesView(IReadOnlyList<AssignmentRuleRow> Rules, IReadOnlyList<AssignmentOption<string>> Nodes,
    IReadOnlyList<AssignmentOption<long>> Skills, IReadOnlyList<AssignmentOption<string>> Technicians);

/// <summary>The rule dialog's form.</summary>
public sealed class AssignmentRuleRequest
{
    public string? Name { get; set; }

    /// <summary>The node whose entry the rule serves; null for "on creation".</summary>
    public string? NodeId { get; set; }

    public long? SkillTagId { get; set; }
    public AssignmentStrategy Strategy { get; set; } = AssignmentStrategy.LeastLoad;
    public IReadOnlyList<string> GroupUserIds { get; set; } = [];

    public static AssignmentRuleRequest From(AssignmentRuleRow row) => new()
    {
        Name = row.Name,
        NodeId = row.NodeId,
        SkillTagId = row.SkillTagId,
        Strategy = row.Strategy,
        GroupUserIds = row.GroupUserIds,
    };

    public AssignmentRuleSpec ToSpec() => new(Name, NodeId, SkillTagId, Strategy, GroupUserIds);
}
