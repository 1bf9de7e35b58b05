using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Assignment;
using Scrm.Domain.Common;
using Scrm.Domain.Users;
using Scrm.Domain.Workflows;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Assignment;

/// <summary>
/// 派单规则 for admins: each template's ordered rules, created, edited, reordered and deleted with the version the admin
/// saw. Applying them is <see cref="AutoAssignHandler"/>'s job.
/// </summary>
public sealed class AssignmentService(UnitOfWork work)
{
    public Task<IReadOnlyList<AssignmentTemplateRow>> TemplatesAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync<IReadOnlyList<AssignmentTemplateRow>>(async (db, token) =>
            await db.TicketTemplates.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
                .Select(t => new AssignmentTemplateRow(t.Id, t.Name)).ToListAsync(token), ct);
    }

    public Task<AssignmentRulesView> RulesAsync(Actor actor, long templateId, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.ReadAsync(async (db, token) =>
        {
            var nodes = await HumanNodesAsync(db, templateId, token);
            var skills = await db.SkillTags.AsNoTracking().OrderBy(s => s.Name).Select(s => new AssignmentOption<long>(s.Id, s.Name)).ToListAsync(token);
            var people = await db.UserProfiles.AsNoTracking().Where(p => p.Role == Role.Technician).IgnoreAutoIncludes()
                .OrderBy(p => p.DisplayName).Select(p => new { p.Id, p.DisplayName, p.IsActive }).ToListAsync(token);
            var rules = await db.AssignmentRules.AsNoTracking().Where(r => r.TemplateId == templateId).OrderBy(r => r.SortOrder).ThenBy(r => r.Id).ToListAsync(token);
            var names = people.ToDictionary(p => p.Id, p => p.DisplayName);
            var rows = rules.Select(r => new AssignmentRuleRow(r.Id, r.Version, r.Name, r.NodeId,
                r.NodeId is null ? null : nodes.Find(n => n.Value == r.NodeId)?.Name ?? r.NodeId,
                r.SkillTagId, skills.Find(s => s.Value == r.SkillTagId)?.Name, r.Strategy, r.GroupUserIds,
                r.GroupUserIds.Select(id => names.GetValueOrDefault(id, id)).ToList())).ToList();
            return new AssignmentRulesView(rows, nodes, skills, people.Where(p => p.IsActive).Select(p => new AssignmentOption<string>(p.Id, p.DisplayName)).ToList());
        }, ct);
    }

    /// <summary>Adds a rule at the end of the template's list.</summary>
    public Task<long> CreateAsync(Actor actor, long templateId, AssignmentRuleRequest request, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            if (!await db.TicketTemplates.AnyAsync(t => t.Id == templateId, token))
            {
                throw new DomainException("TemplateNotFound", "Choose a ticket template.") { Field = "TemplateId" };
            }

            var last = await db.AssignmentRules.Where(r => r.TemplateId == templateId).MaxAsync(r => (int?)r.SortOrder, token) ?? 0;
            var rule = AssignmentRule.Create(templateId, request.ToSpec(), await ReferencesAsync(db, templateId, token), last + 1);
            db.AssignmentRules.Add(rule);
            await db.SaveChangesOrConflictAsync(token);
            return rule.Id;
        }, ct);
    }

    public Task<long> UpdateAsync(Actor actor, long id, long version, AssignmentRuleRequest request, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, rule, token) => rule.Update(request.ToSpec(), await ReferencesAsync(db, rule.TemplateId, token)), ct);

    /// <summary>Swaps the rule with its neighbour above (<paramref name="up"/>) or below; at either end nothing moves.</summary>
    public Task<long> MoveAsync(Actor actor, long id, long version, bool up, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, rule, token) =>
        {
            var siblings = db.AssignmentRules.Where(r => r.TemplateId == rule.TemplateId && r.Id != rule.Id);
            var neighbour = up
                ? await siblings.Where(r => r.SortOrder < rule.SortOrder || (r.SortOrder == rule.SortOrder && r.Id < rule.Id))
                    .OrderByDescending(r => r.SortOrder).ThenByDescending(r => r.Id).FirstOrDefaultAsync(token)
                : await siblings.Where(r => r.SortOrder > rule.SortOrder || (r.SortOrder == rule.SortOrder && r.Id > rule.Id))
                    .OrderBy(r => r.SortOrder).ThenBy(r => r.Id).FirstOrDefaultAsync(token);
            if (neighbour is not null)
            {
                var (mine, theirs) = (rule.SortOrder, neighbour.SortOrder);
                // Equal orders (never written by this service) are separated so the swap is visible.
                rule.MoveTo(mine == theirs ? (up ? theirs - 1 : theirs + 1) : theirs);
                neighbour.MoveTo(mine);
            }
        }, ct);

    public Task DeleteAsync(Actor actor, long id, long version, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, (db, rule, _) =>
        {
            rule.Delete();
            db.AssignmentRules.Remove(rule);
            return Task.CompletedTask;
        }, ct);

    private Task<long> MutateAsync(Actor actor, long id, long version, Func<ScrmDbContext, AssignmentRule, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return work.RunAsync(actor, async (db, token) =>
        {
            var rule = await db.AssignmentRules.SingleOrDefaultAsync(r => r.Id == id, token)
                ?? throw new DomainException("AssignmentRuleNotFound", "The rule no longer exists; reload the list.");
            if (rule.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            await change(db, rule, token);
            await db.SaveChangesOrConflictAsync(token);
            return rule.Version;
        }, ct);
    }

    private static async Task<AssignmentReferences> ReferencesAsync(ScrmDbContext db, long templateId, CancellationToken ct)
    {
        var skills = (await db.SkillTags.Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        var nodes = (await HumanNodesAsync(db, templateId, ct)).Select(n => n.Value).ToHashSet(StringComparer.Ordinal);
        var technicians = await db.UserProfiles.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Role == Role.Technician)
            .ToDictionaryAsync(p => p.Id, p => new TechnicianState(p.DisplayName, p.IsActive), ct);
        return new AssignmentReferences(skills, nodes, technicians);
    }

    /// <summary>The Step and Approval nodes of the template's latest published workflow, in graph order.</summary>
    private static async Task<List<AssignmentOption<string>>> HumanNodesAsync(ScrmDbContext db, long templateId, CancellationToken ct)
    {
        var workflow = await db.WorkflowDefinitions.AsNoTracking().Where(w => w.TemplateId == templateId && w.IsPublished)
            .OrderByDescending(w => w.Number).FirstOrDefaultAsync(ct);
        return workflow?.Graph.Nodes.Where(n => n.Kind.IsHuman()).Select(n => new AssignmentOption<string>(n.Id, n.Name)).ToList() ?? [];
    }
}
