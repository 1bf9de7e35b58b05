using Scrm.Domain.Workflows;

namespace Scrm.Web.Features.Workflows;

/// <summary>A template and the state of its workflow, for the workflow list.</summary>
public sealed record WorkflowRow(long TemplateId, string TemplateName, string? WorkflowName, int? PublishedVersion, DateTime? PublishedAt, bool HasDraft);

/// <summary>One version of a workflow, for the versions list.</summary>
public sealed record WorkflowVersionRow(long Id, int Version, bool IsPublished, DateTime UpdatedAt, DateTime? PublishedAt, string? PublishedByName, int Tickets);

/// <summary>What the designer edits: one version (a draft, or a published one read-only). A draft not saved yet has no row: Id 0.</summary>
public sealed record WorkflowDesign(long Id, string DefinitionId, long TemplateId, string TemplateName, string Name, int Version,
    bool IsPublished, long Revision, WorkflowGraph Graph, Domain.Templates.TicketTemplate Template)
{
    public bool IsSaved => Id != 0;
}
