using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Workflows;

/// <summary>Admin work on workflows: drafts, validation, publishing, versions and migrating tickets between versions.</summary>
public sealed class WorkflowService(IDbContextFactory<ScrmDbContext> dbFactory, CurrentUser currentUser, TimeProvider time,
    IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<WorkflowRow>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var templates = await db.TicketTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(ct);
        var versions = await db.WorkflowDefinitions.AsNoTracking()
            .Select(w => new { w.TemplateId, w.Name, w.Version, w.IsPublished, w.PublishedAt }).ToListAsync(ct);
        return templates.Select(t =>
        {
            var mine = versions.Where(v => v.TemplateId == t.Id).ToList();
            var published = mine.Where(v => v.IsPublished).MaxBy(v => v.Version);
            return new WorkflowRow(t.Id, t.Name, mine.MaxBy(v => v.Version)?.Name, published?.Version, published?.PublishedAt, mine.Any(v => !v.IsPublished));
        }).ToList();
    }

    /// <summary>
    /// The draft to edit for a template: its open draft, or else an unsaved one (the next version of the latest, or a starter)
    /// whose row the first save creates, so opening the designer never writes. Null when there is no such template.
    /// </summary>
    public async Task<WorkflowDesign?> OpenDraftAsync(long templateId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await FindTemplateAsync(db, templateId, ct) is not { } template)
        {
            return null;
        }

        return await LatestAsync(db, templateId, ct) switch
        {
            { IsPublished: false } draft => Design(draft, template),
            { } published => new WorkflowDesign(0, published.DefinitionId, templateId, template.Name, published.Name, published.Version + 1,
                false, 0, published.Graph, template),
            null => new WorkflowDesign(0, WorkflowDefinition.DefinitionIdFor(templateId), templateId, template.Name, StarterName(template.Name), 1,
                false, 0, StarterGraph(), template),
        };
    }

    /// <summary>
    /// The first save of a draft opened unsaved: creates its <paramref name="version"/>. Refused as a conflict when someone else
    /// created or published a version of this workflow since it was opened.
    /// </summary>
    public async Task<WorkflowDesign> CreateDraftAsync(long templateId, int version, string? name, WorkflowGraph graph, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await LoadTemplateAsync(db, templateId, ct);
        var latest = await LatestAsync(db, templateId, ct);
        if ((latest?.Version ?? 0) + 1 != version)
        {
            throw new ConcurrencyConflictException();
        }

        var draft = latest?.NextDraft(version, time) ?? WorkflowDefinition.Create(templateId, name, graph, time);
        draft.SaveDraft(name, graph, time);
        db.WorkflowDefinitions.Add(draft);
        // Two admins may pass the check above at once: the unique (DefinitionId, Version) index lets only one in.
        await db.SaveChangesOrConflictAsync(ct, () => new ConcurrencyConflictException());

        return Design(draft, template);
    }

    public async Task<WorkflowDesign?> GetVersionAsync(long id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct);
        return workflow is null ? null : Design(workflow, await LoadTemplateAsync(db, workflow.TemplateId, ct));
    }

    public async Task<IReadOnlyList<WorkflowVersionRow>> VersionsAsync(string definitionId, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkflowDefinitions.AsNoTracking().Where(w => w.DefinitionId == definitionId).OrderByDescending(w => w.Version)
            .Select(w => new WorkflowVersionRow(w.Id, w.Version, w.IsPublished, w.UpdatedAt, w.PublishedAt, w.PublishedByName,
                db.Tickets.Count(t => t.WorkflowId == w.Id)))
            .ToListAsync(ct);
    }

    /// <summary>Saves the draft's graph; returns the new revision. Refused when someone else saved or published it meanwhile.</summary>
    public Task<long> SaveDraftAsync(long id, long revision, string? name, WorkflowGraph graph, CancellationToken ct = default) =>
        MutateAsync(id, revision, (w, _) => w.SaveDraft(name, graph, time), ct);

    /// <summary>Problems that would stop publishing this graph, without saving anything.</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> ValidateAsync(long templateId, WorkflowGraph graph, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return WorkflowValidator.Validate(graph, await LoadTemplateAsync(db, templateId, ct));
    }

    /// <summary>Saves and publishes the draft in one step: either both happen or neither.</summary>
    public async Task<int> PublishAsync(long id, long revision, string? name, WorkflowGraph graph, CancellationToken ct = default)
    {
        var user = await currentUser.RequireAsync(Role.Admin);
        var version = 0;
        await MutateAsync(id, revision, (w, template) =>
        {
            w.SaveDraft(name, graph, time);
            w.Publish(template, new WorkflowActor(user.Id, user.DisplayName, user.Role), time);
            version = w.Version;
        }, ct);
        return version;
    }

    private async Task<long> MutateAsync(long id, long revision, Action<WorkflowDefinition, TicketTemplate> change, CancellationToken ct)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var workflow = await db.WorkflowDefinitions.SingleOrDefaultAsync(w => w.Id == id, ct)
            ?? throw new DomainException("WorkflowNotFound", "The workflow version no longer exists.");
        if (workflow.Revision != revision)
        {
            throw new ConcurrencyConflictException();
        }

        change(workflow, await LoadTemplateAsync(db, workflow.TemplateId, ct));
        await db.SaveChangesOrConflictAsync(ct);

        return workflow.Revision;
    }

    private static WorkflowDesign Design(WorkflowDefinition w, TicketTemplate template) =>
        new(w.Id, w.DefinitionId, w.TemplateId, template.Name, w.Name, w.Version, w.IsPublished, w.Revision, w.Graph, template);

    private static async Task<TicketTemplate> LoadTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        await FindTemplateAsync(db, templateId, ct) ?? throw new DomainException("TemplateNotFound", "Choose a ticket template.");

    private static Task<TicketTemplate?> FindTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == templateId, ct);

    private static Task<WorkflowDefinition?> LatestAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        db.WorkflowDefinitions.AsNoTracking().Where(w => w.TemplateId == templateId).OrderByDescending(w => w.Version).FirstOrDefaultAsync(ct);

    // A template name may use all 50 characters the workflow name may: shorten it, whole characters at a time, until the
    // name composed in the admin's language fits.
    private string StarterName(string templateName)
    {
        var name = l["Workflows.StarterName", templateName].Value;
        var text = new StringInfo(templateName);
        for (var keep = text.LengthInTextElements - 1; name.Length > WorkflowDefinition.NameMaxLength && keep > 0; keep--)
        {
            name = l["Workflows.StarterName", text.SubstringByTextElements(0, keep) + "…"].Value;
        }

        return name;
    }

    /// <summary>A first draft that already works, named in the admin's language: start, one step handled by the desk, and the end.</summary>
    private WorkflowGraph StarterGraph() => new WorkflowGraphBuilder()
        .Start("start", l["Workflows.StarterStart"])
        .Step("handle", l["Workflows.StarterStep"], ActorRule.Desk)
        .End("done", l["Workflows.StarterEnd"], EndOutcome.Closed)
        .Link("start", "handle")
        .Link("handle", "done", l["Workflows.StarterButton"])
        .Build();
}
