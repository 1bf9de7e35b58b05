using Microsoft.EntityFrameworkCore;
using Scrm.Data;
using Scrm.Domain.Common;
using Scrm.Domain.Templates;
using Scrm.Domain.Users;
using Scrm.Web.Security;

namespace Scrm.Web.Features.Templates;

/// <summary>Admin editing of ticket templates, their fields and rules. Each change names the version it was made on.</summary>
public sealed class TemplateService(IDbContextFactory<ScrmDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Description, t.IsActive, t.Fields.Count, t.Rules.Count,
                db.Tickets.Count(x => x.TemplateId == t.Id)))
            .ToListAsync(ct);
    }

    public async Task<TicketTemplate?> GetAsync(long id, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TicketTemplates.AsNoTracking().WithForm().SingleOrDefaultAsync(t => t.Id == id, ct);
    }

    public async Task<long> CreateAsync(string? name, string? description, CancellationToken ct = default)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = new TicketTemplate(name!, description);
        await EnsureNameFreeAsync(db, template.Name, null, ct);
        db.TicketTemplates.Add(template);
        await db.SaveChangesOrConflictAsync(ct, () => NameTaken(template.Name)); // another admin may have just taken it
        return template.Id;
    }

    public Task<long> UpdateAsync(long id, long version, string? name, string? description, bool isActive, CancellationToken ct = default) =>
        MutateAsync(id, version, async (db, t) =>
        {
            t.Update(name!, description, isActive);
            await EnsureNameFreeAsync(db, t.Name, t.Id, ct);
        }, ct);

    public Task<long> AddFieldAsync(long id, long version, FieldForm form, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) =>
        {
            var (min, max) = form.Bounds();
            t.AddField(form.Key!, form.Label!, form.Type, form.IsRequired, form.HelpText, form.Options, min, max, ToDate(form.MinDate), ToDate(form.MaxDate));
        }, ct);

    public Task<long> UpdateFieldAsync(long id, long version, string key, FieldForm form, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) =>
        {
            var (min, max) = form.Bounds();
            t.UpdateField(key, form.Label!, form.IsRequired, form.HelpText, form.Options, min, max, ToDate(form.MinDate), ToDate(form.MaxDate));
        }, ct);

    public Task<long> RemoveFieldAsync(long id, long version, string key, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) => t.RemoveField(key), ct);

    public Task<long> MoveFieldAsync(long id, long version, string key, int delta, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) => t.MoveField(key, delta), ct);

    public Task<long> AddRuleAsync(long id, long version, RuleForm form, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) => t.AddRule(form.WhenFieldKey ?? "", form.Operator, form.Operand, form.RequiredFieldKey ?? ""), ct);

    public Task<long> RemoveRuleAsync(long id, long version, long ruleId, CancellationToken ct = default) =>
        MutateAsync(id, version, (_, t) =>
        {
            var rule = t.Rules.SingleOrDefault(r => r.Id == ruleId) ?? throw new DomainException("RuleNotFound", "The rule was already deleted.");
            t.RemoveRule(rule);
        }, ct);

    private Task<long> MutateAsync(long id, long version, Action<ScrmDbContext, TicketTemplate> change, CancellationToken ct) =>
        MutateAsync(id, version, (db, t) =>
        {
            change(db, t);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Applies one change to the template as the admin saw it at <paramref name="version"/>; returns the new version.</summary>
    private async Task<long> MutateAsync(long id, long version, Func<ScrmDbContext, TicketTemplate, Task> change, CancellationToken ct)
    {
        await currentUser.RequireAsync(Role.Admin);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.TicketTemplates.WithForm().SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new DomainException("TemplateNotFound", "The template no longer exists.");
        if (template.Version != version)
        {
            throw new ConcurrencyConflictException();
        }

        await change(db, template);
        await db.SaveChangesOrConflictAsync(ct, () => NameTaken(template.Name));

        return template.Version;
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
