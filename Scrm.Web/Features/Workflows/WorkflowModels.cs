using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows;

/// <summary>A template and the state of its workflow, for the workflow list.</summary>
public sealed record WorkflowRow(long TemplateId, string TemplateName, string? WorkflowName, int? PublishedNumber, DateTime? PublishedAt, bool HasDraft);

/// <summary>One version of a workflow, for the versions list.</summary>
public sealed record WorkflowVersionRow(long Id, int Number, bool IsPublished, DateTime UpdatedAt, DateTime? PublishedAt, string? PublishedByName, int Tickets);

/// <summary>
/// What the designer edits: one version (a draft, or a published one read-only). A draft not saved yet has no row: Id 0.
/// <see cref="Number"/> is the version users see (v1, v2, …); <see cref="Version"/> is the concurrency token a save names.
/// </summary>
public sealed record WorkflowDesign(long Id, string DefinitionId, long TemplateId, string TemplateName, string Name, int Number,
    bool IsPublished, long Version, WorkflowGraph Graph, Domain.Templates.TicketTemplate Template)
{
    public bool IsSaved => Id != 0;
}
