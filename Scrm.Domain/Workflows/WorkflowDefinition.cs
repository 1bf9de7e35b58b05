using Scrm.Domain.Common;
using Scrm.Domain.Templates;

namespace Scrm.Domain.Workflows;

/// <summary>
/// 流程: one version of a template's workflow. <see cref="DefinitionId"/> + <see cref="Number"/> name it; a draft is
/// edited freely, publishing freezes it for good, and the next edit starts a new draft version.
/// </summary>
public sealed class WorkflowDefinition : AggregateRoot
{
    public const int NameMaxLength = 50;
    public const int DefinitionIdLength = 36;

    private WorkflowDefinition() { }

    public long Id { get; private set; }

    /// <summary>Shared by every version of one workflow.</summary>
    public string DefinitionId { get; private set; } = "";

    public long TemplateId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>The version number users see (v1, v2, …), one more for each new draft.</summary>
    public int Number { get; private set; }
    public bool IsPublished { get; private set; }
    public WorkflowGraph Graph { get; private set; } = new();
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public string? PublishedById { get; private set; }
    public string? PublishedByName { get; private set; }

    /// <summary>The first draft of a template's workflow.</summary>
    public static WorkflowDefinition Create(long templateId, string? name, WorkflowGraph graph, TimeProvider time) =>
        New(DefinitionIdFor(templateId), templateId, name, 1, graph, time);

    /// <summary>
    /// A template has one workflow, so its id follows from the template's: two admins creating a template's first draft
    /// at once both write version 1 of the same definition, and the unique (DefinitionId, Version) index lets only one in.
    /// </summary>
    public static string DefinitionIdFor(long templateId) => $"template-{templateId}";

    /// <summary>A new draft that starts from this version's graph.</summary>
    public WorkflowDefinition NextDraft(int number, TimeProvider time) => New(DefinitionId, TemplateId, Name, number, Graph, time);

    public void SaveDraft(string? name, WorkflowGraph graph, TimeProvider time)
    {
        EnsureDraft();
        Name = Guard.RequiredText(name, "Name", NameMaxLength);
        Graph = graph;
        UpdatedAt = time.GetUtcNow().UtcDateTime;
    }

    /// <summary>Validates against the template and freezes the graph; refuses with every problem listed.</summary>
    public void Publish(TicketTemplate template, WorkflowActor actor, TimeProvider time)
    {
        EnsureDraft();
        var problems = WorkflowValidator.Validate(Graph, template);
        if (problems.Count > 0)
        {
            throw new WorkflowValidationException(problems);
        }

        IsPublished = true;
        PublishedAt = UpdatedAt = time.GetUtcNow().UtcDateTime;
        PublishedById = actor.UserId;
        PublishedByName = actor.Name;
        Raise(new WorkflowPublished(this));
    }

    private void EnsureDraft()
    {
        if (IsPublished)
        {
            throw new DomainException("VersionFrozen", $"Version {Number} is published and cannot change; edit a new draft instead.", Number);
        }
    }

    private static WorkflowDefinition New(string definitionId, long templateId, string? name, int number, WorkflowGraph graph, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new WorkflowDefinition
        {
            DefinitionId = definitionId,
            TemplateId = templateId,
            Name = Guard.RequiredText(name, "Name", NameMaxLength),
            Number = number,
            Graph = graph,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}

/// <summary>A version was published: new tickets of its template start on it.</summary>
public sealed record WorkflowPublished(WorkflowDefinition Workflow) : IDomainEvent;

/// <summary>Publishing was refused; <see cref="Problems"/> lists every reason with the node it concerns.</summary>
public sealed class WorkflowValidationException : DomainException
{
    public WorkflowValidationException(IReadOnlyList<WorkflowProblem> problems)
        : base("WorkflowInvalid", string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    public WorkflowValidationException() : this([]) { }

    public WorkflowValidationException(string message) : base(message) { Problems = []; }

    public WorkflowValidationException(string message, Exception inner) : base(message, inner) { Problems = []; }

    public IReadOnlyList<WorkflowProblem> Problems { get; }
}
