using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Templates;

/// <summary>Admin editing of ticket templates, their fields and rules. Each change names the version it was made on.</summary>
public sealed class TemplateService(UnitOfWork work)
{
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync<IReadOnlyList<TemplateRow>>(async (db, token) => await db.TicketTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Description, t.IsActive, t.Fields.Count, t.Rules.Count,
                db.Tickets.Count(x => x.TemplateId == t.Id)))
            .ToListAsync(token), ct);
    }

    public async Task<TicketTemplate?> GetAsync(Actor actor, long id, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.ReadAsync((db, token) => db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == id, token), ct);
    }

    public async Task<long> CreateAsync(Actor actor, string? name, string? description, CancellationToken ct = default)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var template = new TicketTemplate(name!, description);
            await EnsureNameFreeAsync(db, template.Name, null, token);
            db.TicketTemplates.Add(template);
            await db.SaveChangesOrConflictAsync(token, () => NameTaken(template.Name)); // another admin may have just taken it
            return template.Id;
        }, ct);
    }

    public Task<long> UpdateAsync(Actor actor, long id, long version, string? name, string? description, bool isActive, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, async (db, t, token) =>
        {
            t.Update(name!, description, isActive);
            await EnsureNameFreeAsync(db, t.Name, t.Id, token);
        }, ct);

    public Task<long> AddFieldAsync(Actor actor, long id, long version, FieldForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t =>
        {
            var (min, max) = form.Bounds();
            t.AddField(form.Key!, form.Label!, form.Type, form.IsRequired, form.HelpText, form.Options, min, max, ToDate(form.MinDate), ToDate(form.MaxDate));
        }, ct);

    public Task<long> UpdateFieldAsync(Actor actor, long id, long version, string key, FieldForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t =>
        {
            var (min, max) = form.Bounds();
            t.UpdateField(key, form.Label!, form.IsRequired, form.HelpText, form.Options, min, max, ToDate(form.MinDate), ToDate(form.MaxDate));
        }, ct);

    public Task<long> RemoveFieldAsync(Actor actor, long id, long version, string key, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t => t.RemoveField(key), ct);

    public Task<long> MoveFieldAsync(Actor actor, long id, long version, string key, int delta, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t => t.MoveField(key, delta), ct);

    public Task<long> AddRuleAsync(Actor actor, long id, long version, RuleForm form, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t => t.AddRule(form.WhenFieldKey ?? "", form.Operator, form.Operand, form.RequiredFieldKey ?? ""), ct);

    public Task<long> RemoveRuleAsync(Actor actor, long id, long version, long ruleId, CancellationToken ct = default) =>
        MutateAsync(actor, id, version, t =>
        {
            var rule = t.Rules.SingleOrDefault(r => r.Id == ruleId) ?? throw new DomainException("RuleNotFound", "The rule was already deleted.");
            t.RemoveRule(rule);
        }, ct);

    private Task<long> MutateAsync(Actor actor, long id, long version, Action<TicketTemplate> change, CancellationToken ct) =>
        MutateAsync(actor, id, version, (_, t, _) =>
        {
            change(t);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Applies one change to the template as the admin saw it at <paramref name="version"/>; returns the new version.</summary>
    private async Task<long> MutateAsync(Actor actor, long id, long version, Func<ScrmDbContext, TicketTemplate, CancellationToken, Task> change, CancellationToken ct)
    {
        actor.Require(Role.Admin);
        return await work.RunAsync(actor, async (db, token) =>
        {
            var template = await db.TicketTemplates.WithForm().SingleOrDefaultAsync(t => t.Id == id, token)
                ?? throw new DomainException("TemplateNotFound", "The template no longer exists.");
            if (template.Version != version)
            {
                throw new ConcurrencyConflictException();
            }

            await change(db, template, token);
            await db.SaveChangesOrConflictAsync(token, () => NameTaken(template.Name));

            return template.Version;
        }, ct);
    }

    private static async Task EnsureNameFreeAsync(ScrmDbContext db, string name, long? exceptId, CancellationToken ct)
    {
        var key = TicketTemplate.KeyOf(name);
        if (await db.TicketTemplates.AnyAsync(t => t.NameKey == key && t.Id != exceptId, ct))
        {
            throw NameTaken(name);
        }
    }

    private static DomainException NameTaken(string name) =>
        new("TemplateNameTaken", $"A template named {name} already exists.", name) { Field = "Name" };

    private static DateOnly? ToDate(DateTime? value) => value is null ? null : DateOnly.FromDateTime(value.Value);
}
