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
public sealed class WorkflowService(UnitOfWork work, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public async Task<IReadOnlyList<WorkflowRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync<IReadOnlyList<WorkflowRow>>(async (db, token) =>
        {
            var templates = await db.TicketTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(token);
            var versions = await db.WorkflowDefinitions.AsNoTracking()
                .Select(w => new { w.TemplateId, w.Name, w.Number, w.IsPublished, w.PublishedAt }).ToListAsync(token);
            return templates.Select(t =>
            {
                var mine = versions.Where(v => v.TemplateId == t.Id).ToList();
                var published = mine.Where(v => v.IsPublished).MaxBy(v => v.Number);
                return new WorkflowRow(t.Id, t.Name, mine.MaxBy(v => v.Number)?.Name, published?.Number, published?.PublishedAt, mine.Any(v => !v.IsPublished));
            }).ToList();
        }, ct);
    }

    /// <summary>
    /// The draft to edit for a template: its open draft, or else an unsaved one (the next version of the latest, or a starter)
    /// whose row the first save creates, so opening the designer never writes. Null when there is no such template.
    /// </summary>
    public async Task<WorkflowDesign?> OpenDraftAsync(Actor actor, long templateId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync<WorkflowDesign?>(async (db, token) =>
        {
            if (await FindTemplateAsync(db, templateId, token) is not { } template)
            {
                return null;
            }

            return await LatestAsync(db, templateId, token) switch
            {
                { IsPublished: false } draft => Design(draft, template),
                { } published => new WorkflowDesign(0, published.DefinitionId, templateId, template.Name, published.Name, published.Number + 1,
                    false, 0, published.Graph, template),
                null => new WorkflowDesign(0, WorkflowDefinition.DefinitionIdFor(templateId), templateId, template.Name, StarterName(template.Name), 1,
                    false, 0, StarterGraph(), template),
            };
        }, ct);
    }

    /// <summary>
    /// The first save of a draft opened unsaved: creates version <paramref name="number"/>. Refused as a conflict when someone else
    /// created or published a version of this workflow since it was opened.
    /// </summary>
    public async Task<WorkflowDesign> CreateDraftAsync(Actor actor, long templateId, int number, string? name, WorkflowGraph graph, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var template = await LoadTemplateAsync(db, templateId, token);
            var latest = await LatestAsync(db, templateId, token);
            if ((latest?.Number ?? 0) + 1 != number)
            {
                throw new ConcurrencyConflictException();
            }

            var draft = latest?.NextDraft(number, time) ?? WorkflowDefinition.Create(templateId, name, graph, time);
            draft.SaveDraft(name, graph, time);
            db.WorkflowDefinitions.Add(draft);
            // Two admins may pass the check above at once: the unique (DefinitionId, Number) index lets only one in.
            await db.SaveChangesOrConflictAsync(token, () => new ConcurrencyConflictException());

            return Design(draft, template);
        }, ct);
    }

    public async Task<WorkflowDesign?> GetVersionAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync<WorkflowDesign?>(async (db, token) =>
        {
            var workflow = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, token);
            return workflow is null ? null : Design(workflow, await LoadTemplateAsync(db, workflow.TemplateId, token));
        }, ct);
    }

    public async Task<IReadOnlyList<WorkflowVersionRow>> VersionsAsync(Actor actor, string definitionId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync<IReadOnlyList<WorkflowVersionRow>>(async (db, token) => await db.WorkflowDefinitions.AsNoTracking()
            .Where(w => w.DefinitionId == definitionId).OrderByDescending(w => w.Number)
            .Select(w => new WorkflowVersionRow(w.Id, w.Number, w.IsPublished, w.UpdatedAt, w.PublishedAt, w.PublishedByName,
                db.Tickets.Count(t => t.WorkflowId == w.Id)))
            .ToListAsync(token), ct);
    }

    /// <summary>Saves the draft's graph; returns the new version (token). Refused when someone else saved or published it meanwhile.</summary>
    public Task<long> SaveDraftAsync(Actor actor, long id, long version, string? name, WorkflowGraph graph, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, (w, _) => w.SaveDraft(name, graph, time), ct);

    /// <summary>Problems that would stop publishing this graph, without saving anything.</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> ValidateAsync(Actor actor, long templateId, WorkflowGraph graph, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync(async (db, token) => WorkflowValidator.Validate(graph, await LoadTemplateAsync(db, templateId, token)), ct);
    }

    /// <summary>Saves and publishes the draft in one step: either both happen or neither. Returns the published version's number.</summary>
    public async Task<int> PublishAsync(Actor actor, long id, long version, string? name, WorkflowGraph graph, CancellationToken ct = default)
    {
        var publisher = actor.Require(Role.Admin).ForWorkflow!;
        var number = 0;
        await MutateAsync(actor, id, version, (w, template) =>
        {
            w.SaveDraft(name, graph, time);
            w.Publish(template, publisher, time);
            number = w.Number;
        }, ct);
        return number;
    }

    private async Task<long> MutateAsync(Actor actor, long id, long version, Action<WorkflowDefinition, TicketTemplate> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var workflow = await db.WorkflowDefinitions.SingleOrDefaultAsync(w => w.Id == id, token)
                ?? throw new DomainException("WorkflowNotFound", "The workflow version no longer exists.");
            if (workflow.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            change(workflow, await LoadTemplateAsync(db, workflow.TemplateId, token));
            await db.SaveChangesOrConflictAsync(token);

            return workflow.Version;
        }, ct);
    }

    private static WorkflowDesign Design(WorkflowDefinition w, TicketTemplate template) =>
        new(w.Id, w.DefinitionId, w.TemplateId, template.Name, w.Name, w.Number, w.IsPublished, w.Version, w.Graph, template);

    private static async Task<TicketTemplate> LoadTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        await FindTemplateAsync(db, templateId, ct) ?? throw new DomainException("TemplateNotFound", "Choose a ticket template.");

    private static Task<TicketTemplate?> FindTemplateAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == templateId, ct);

    private static Task<WorkflowDefinition?> LatestAsync(ScrmDbContext db, long templateId, CancellationToken ct) =>
        db.WorkflowDefinitions.AsNoTracking().Where(w => w.TemplateId == templateId).OrderByDescending(w => w.Number).FirstOrDefaultAsync(ct);

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
